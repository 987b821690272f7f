package org.proposalhandling.link;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a responsible official's sign-off link, for any process (a reply, a consultation's final
 * draft): a subclass maps them under its path and shows what is signed. Opening a link (GET) changes
 * nothing: it shows the document and asks to confirm, so that mail scanners and link previews approve
 * nothing. Only the page's POST acts: it uses the token up and completes the sign-off task as the official,
 * in one transaction. It fails closed: a POST whose decision is neither of the two, or by an official who may
 * no longer sign off the task, changes nothing. A link that cannot act names whom in the unit to call.
 */
public abstract class SignOffLinkPages {

  private static final Set<String> DECISIONS = Set.of("approve", "return");
  private static final LinkNotice UNKNOWN_ACTION = new LinkNotice(HttpStatus.BAD_REQUEST, "无法识别的操作",
      "请在签发页面选择「同意签发」或「退回修改」后再提交。本次提交没有改变任何内容，链接仍然有效。");

  private final String purpose;
  private final LinkTokens tokens;
  private final LinkedTasks linkedTasks;
  private final TransactionTemplate transaction;

  protected SignOffLinkPages(String purpose, LinkTokens tokens, LinkedTasks linkedTasks, TransactionTemplate transaction) {
    this.purpose = purpose;
    this.tokens = tokens;
    this.linkedTasks = linkedTasks;
    this.transaction = transaction;
  }

  @GetMapping("/{token}")
  public String confirm(@PathVariable String token, @RequestParam(defaultValue = "approve") String action, Model model,
                        HttpServletResponse response) {
    LinkToken link = tokens.read(purpose, token);
    LinkNotice notice = linkedTasks.unusable(link);
    if (notice != null) {
      return show(notice, link, model, response);
    }
    return page(model, link, "return".equals(action) ? "return" : "approve", null);
  }

  @PostMapping("/{token}")
  public String act(@PathVariable String token, @RequestParam(required = false) String decision,
                    @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
    if (decision == null || !DECISIONS.contains(decision)) {
      response.setStatus(UNKNOWN_ACTION.status().value());
      return UNKNOWN_ACTION.render(model);
    }
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment == null ? "" : comment);
    try {
      LinkNotice notice = transaction.execute(status -> linkedTasks.complete(purpose, token, form));
      if (notice != null) {
        return show(notice, tokens.read(purpose, token), model, response);
      }
    } catch (AuthorizationException e) {
      return show(LinkedTasks.NO_LONGER_ENTITLED, tokens.read(purpose, token), model, response);
    } catch (ProcessEngineException e) {
      FormValidationException refused = FormValidationException.findIn(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, tokens.read(purpose, token), decision, refused.getMessage());
    }
    boolean approved = "approve".equals(decision);
    model.addAttribute("title", approved ? "已同意签发" : "已退回修改");
    model.addAttribute("message", approved ? approvedMessage() : returnedMessage());
    return "links/notice";
  }

  private String show(LinkNotice notice, LinkToken link, Model model, HttpServletResponse response) {
    response.setStatus(notice.status().value());
    return notice.withContact(link.subjectId() == null ? null : whomToCall(link)).render(model);
  }

  /** Fills the confirmation page's model with what is signed; returns the view's name. */
  protected abstract String page(Model model, LinkToken link, String decision, String error);

  /** Whom in the unit the official calls about the document of a link that cannot act (see {@link LinkNotice#whomToCall}). */
  protected abstract String whomToCall(LinkToken link);

  protected abstract String approvedMessage();

  protected abstract String returnedMessage();
}
