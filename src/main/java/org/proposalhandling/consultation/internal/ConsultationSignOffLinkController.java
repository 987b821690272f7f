package org.proposalhandling.consultation.internal;

import org.proposalhandling.directory.People;
import org.proposalhandling.link.LinkNotice;
import org.proposalhandling.link.LinkToken;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.link.LinkedTasks;
import org.proposalhandling.link.SignOffLinkPages;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The official's sign-off links of a consultation's final draft (see {@link SignOffLinkPages}). */
@Controller
@RequestMapping("/links/consultation-sign-off")
class ConsultationSignOffLinkController extends SignOffLinkPages {

  private final Consultations consultations;
  private final People people;

  ConsultationSignOffLinkController(LinkTokens tokens, LinkedTasks linkedTasks, TransactionTemplate transaction,
                                    Consultations consultations, People people) {
    super(ConsultationSignOffMail.PURPOSE, tokens, linkedTasks, transaction);
    this.consultations = consultations;
    this.people = people;
  }

  @Override
  protected String page(Model model, LinkToken link, String decision, String error) {
    Consultation consultation = consultations.get(link.subjectId());
    Consultations.Version version = consultations.latestVersion(consultation.id());
    model.addAttribute("consultation", consultation);
    model.addAttribute("version", version);
    model.addAttribute("decision", decision);
    model.addAttribute("error", error);
    return "links/consultation-sign-off";
  }

  /** Who wrote the final draft, with his phone from the directory. */
  @Override
  protected String whomToCall(LinkToken link) {
    return people.contact(consultations.latestVersion(link.subjectId()).createdBy())
        .map(drafter -> LinkNotice.whomToCall("起草人", drafter.name(), drafter.phone())).orElse(null);
  }

  @Override
  protected String approvedMessage() {
    return "送审稿已签发定稿，起草单位将按程序印发。";
  }

  @Override
  protected String returnedMessage() {
    return "送审稿已退回起草单位修改，您的意见已转达。修改后将再次发邮件请您签发。";
  }
}
