package org.proposalhandling.signoff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.handling.HandlingSummary;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkNotice;
import org.proposalhandling.link.LinkToken;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The official's sign-off links. Opening a link (GET) changes nothing: it shows the draft beside the proposal,
 * the co-handling opinions and the contact record, and asks to confirm, so that mail scanners and link
 * previews approve nothing. Only the page's POST acts: it uses the
 * token up and completes the sign-off task as the official, in one transaction. It fails closed: a POST
 * whose action is neither of the two decisions, or by an official who may no longer sign off the task (he
 * has left the official group since the mail), changes nothing.
 */
@Controller
class SignOffLinkController {

  private static final Set<String> DECISIONS = Set.of("approve", "return");
  private static final LinkNotice UNKNOWN_ACTION = new LinkNotice(HttpStatus.BAD_REQUEST, "无法识别的操作",
      "请在签发页面选择「同意签发」或「退回修改」后再提交。本次提交没有改变任何内容，链接仍然有效。");
  private static final LinkNotice NO_LONGER_OFFICIAL = new LinkNotice(HttpStatus.FORBIDDEN, "无权签发",
      "您已不在本单位签发负责人之列，不能再签发此件。本次提交没有改变任何内容；如有疑问，请与承办单位联系。");

  private final LinkTokens tokens;
  private final ItemRepository items;
  private final ReplyRepository replies;
  private final HandlingSummary summary;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  SignOffLinkController(LinkTokens tokens, ItemRepository items, ReplyRepository replies, HandlingSummary summary,
                        TaskService tasks, FormService forms, IdentityService identity, TransactionTemplate transaction) {
    this.tokens = tokens;
    this.items = items;
    this.replies = replies;
    this.summary = summary;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.transaction = transaction;
  }

  @GetMapping("/links/sign-off/{token}")
  String confirm(@PathVariable String token, @RequestParam(defaultValue = "approve") String action, Model model,
                 HttpServletResponse response) {
    LinkToken link = tokens.read(SignOffMail.PURPOSE, token);
    LinkNotice notice = unusable(link);
    if (notice != null) {
      response.setStatus(notice.status().value());
      return notice.render(model);
    }
    return page(model, link, "return".equals(action) ? "return" : "approve", null);
  }

  @PostMapping("/links/sign-off/{token}")
  String act(@PathVariable String token, @RequestParam(required = false) String decision,
             @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
    if (decision == null || !DECISIONS.contains(decision)) {
      response.setStatus(UNKNOWN_ACTION.status().value());
      return UNKNOWN_ACTION.render(model);
    }
    try {
      LinkNotice notice = transaction.execute(status -> signOff(token, decision, comment));
      if (notice != null) {
        response.setStatus(notice.status().value());
        return notice.render(model);
      }
    } catch (AuthorizationException e) {
      response.setStatus(NO_LONGER_OFFICIAL.status().value());
      return NO_LONGER_OFFICIAL.render(model);
    } catch (ProcessEngineException e) {
      FormValidationException refused = FormValidationException.findIn(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, tokens.read(SignOffMail.PURPOSE, token), decision, refused.getMessage());
    }
    model.addAttribute("title", "approve".equals(decision) ? "已同意签发" : "已退回修改");
    model.addAttribute("message", "approve".equals(decision)
        ? "答复已签发，系统将编发文字号并送达提出人。"
        : "答复已退回承办人修改，您的意见已转达。修改后将再次发邮件请您签发。");
    return "links/notice";
  }

  /** Uses the token and completes the task; returns why it could not, or null when done. */
  private LinkNotice signOff(String token, String decision, String comment) {
    LinkToken link = tokens.read(SignOffMail.PURPOSE, token);
    LinkNotice notice = unusable(link);
    if (notice != null) {
      return notice;
    }
    if (!tokens.consume(link)) {
      return LinkNotice.of(tokens.read(SignOffMail.PURPOSE, token));
    }
    Task task = openTask(link);
    identity.setAuthentication(link.holder(), groupsOf(link.holder()));
    try {
      Map<String, Object> form = new HashMap<>();
      form.put("decision", decision);
      form.put("comment", comment == null ? "" : comment);
      forms.submitTaskForm(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    return null;
  }

  private LinkNotice unusable(LinkToken link) {
    if (!link.valid()) {
      return LinkNotice.of(link);
    }
    if (openTask(link) == null) {
      return LinkNotice.alreadyHandled();
    }
    if (!mayStillSignOff(link)) {
      return NO_LONGER_OFFICIAL;
    }
    return null;
  }

  /** The sign-off task the link completes: the open one of its item, if any. */
  private Task openTask(LinkToken link) {
    return tasks.createTaskQuery().processInstanceBusinessKey(link.subjectId()).taskDefinitionKey(link.activityId())
        .singleResult();
  }

  /** The holder is still one of those the task is for: its assignee, or in one of its candidate groups. */
  private boolean mayStillSignOff(LinkToken link) {
    Set<String> groups = Set.copyOf(groupsOf(link.holder()));
    return tasks.getIdentityLinksForTask(openTask(link).getId()).stream().anyMatch(candidate ->
        link.holder().equals(candidate.getUserId()) || groups.contains(candidate.getGroupId()));
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private String page(Model model, LinkToken link, String decision, String error) {
    Item item = items.get(link.subjectId());
    Reply draft = replies.get(item.id(), item.handlingRound());
    model.addAttribute("item", item);
    model.addAttribute("reference", item.reference());
    model.addAttribute("draft", draft);
    model.addAttribute("category", ReplyCategories.labelOf(draft.category()));
    // What the draft answers, as the Tasklist sign-off form shows it: the official decides from this page alone.
    model.addAttribute("opinions", summary.opinions(item.id()));
    model.addAttribute("contactRecord", summary.contactRecord(item.id(), item.handlingRound()));
    model.addAttribute("decision", decision);
    model.addAttribute("error", error);
    return "links/sign-off";
  }
}
