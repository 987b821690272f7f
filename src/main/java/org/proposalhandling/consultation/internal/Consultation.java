package org.proposalhandling.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A draft policy out for comment: its drafting unit, the round it is in and that round's deadline. */
record Consultation(String id, String title, String draftingUnitId, Stage stage, int round, LocalDate commentDue,
                    NextStep nextStep, LocalDate publicOpens, LocalDate publicCloses, String explanation,
                    String signedBy, Instant signedAt, String createdBy, Instant createdAt) {

  /** Where the consultation stands, in the words of the office. */
  enum Stage {
    COMMENTING("征求部门意见中"),
    HANDLING("意见处理中"),
    PUBLIC("公开征求意见中"),
    PUBLIC_HANDLING("公众意见处理中"),
    EXPLAINING("起草说明"),
    SIGNING("待签发"),
    SIGNED("已签发定稿");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the drafter chose after handling a round's comments. */
  enum NextStep {
    ANOTHER_ROUND("再次征求部门意见"),
    PUBLIC("公开征求社会公众意见"),
    SIGN_OFF("形成送审稿，报负责人签发");

    private final String label;

    NextStep(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * How the public page names the draft: 《title》（征求意见稿）, or 《title》 where the drafter's title already
   * says it, as drafts out for comment are often titled (「……办法（征求意见稿）」).
   */
  public String draftName() {
    return title.matches(".*[（(]征求意见稿[）)]\\s*$") ? "《" + title + "》" : "《" + title + "》（征求意见稿）";
  }

  /** Whether the public may comment on a day: the public round is open and its closing day not past. */
  public boolean openToPublicOn(LocalDate day) {
    return stage == Stage.PUBLIC && publicOpens != null && publicCloses != null
        && !day.isBefore(publicOpens) && !day.isAfter(publicCloses);
  }
}
