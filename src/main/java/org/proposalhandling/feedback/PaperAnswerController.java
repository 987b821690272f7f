package org.proposalhandling.feedback;

import jakarta.servlet.http.HttpServletResponse;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item page's 录入纸质征询意见表 ({@link PaperAnswers}): anyone but the item's office gets the item page's own
 * 404; an incomplete answer gets a page with the reason and the way back.
 */
@Controller
class PaperAnswerController {

  private final PaperAnswers paperAnswers;

  PaperAnswerController(PaperAnswers paperAnswers) {
    this.paperAnswers = paperAnswers;
  }

  @PostMapping("/items/{id}/co-signers/{position}/paper-answer")
  String record(@PathVariable String id, @PathVariable int position, @RequestParam(required = false) String satisfaction,
                @RequestParam(required = false) String comments, RedirectAttributes redirect, Model model,
                HttpServletResponse response) {
    if (!paperAnswers.entersFor(CurrentUser.get(), id)) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "ledger/not-found";
    }
    try {
      String name = paperAnswers.record(id, position, satisfaction, comments);
      redirect.addFlashAttribute("notice", "已录入" + name + "的纸质征询意见表。");
      return "redirect:/items/" + id + "#paper-answers";
    } catch (FormValidationException refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("heading", "征询意见未能录入");
      model.addAttribute("message", refused.getMessage());
      model.addAttribute("back", "/items/" + id + "#paper-answers");
      model.addAttribute("backLabel", "返回办件");
      return "refused";
    }
  }
}
