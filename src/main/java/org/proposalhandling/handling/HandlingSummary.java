package org.proposalhandling.handling;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.proposalhandling.handling.HandlingRecords.Note;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.springframework.stereotype.Component;

/**
 * What handling has gathered on an item so far, as the people deciding on it read it: the co-handling
 * opinions, the contact record, why a draft came back and why the proposer was not satisfied. Shown on the
 * drafting, review and sign-off forms, on the contact form in re-handling, and on the sign-off link's page.
 */
@Component
public class HandlingSummary {

  /** A co-handling unit's opinion, as the lead unit received it. */
  public record UnitOpinion(String unitName, String opinion) {
  }

  /** A round handled again after 不满意: why the proposer was not satisfied with the earlier round's reply. */
  public record Rehandling(int round, String proposerReason, Reply earlierReply) {

    public String heading() {
      return "再次办理（第" + round + "轮）";
    }
  }

  private final HandlingRecords records;
  private final ReplyRepository replies;

  HandlingSummary(HandlingRecords records, ReplyRepository replies) {
    this.records = records;
    this.replies = replies;
  }

  /** Every co-handling unit's opinion on the item, in the order they came in (re-handling adds none). */
  public List<UnitOpinion> opinions(String itemId) {
    return records.opinions(itemId).stream().map(opinion -> new UnitOpinion(opinion.unitName(), opinion.opinion())).toList();
  }

  /** The opinions as one read-only text, each under its unit's name; says so when the item has none. */
  public String opinionsText(String itemId) {
    String text = opinions(itemId).stream().map(opinion -> "【" + opinion.unitName() + "】" + opinion.opinion())
        .collect(Collectors.joining("\n\n"));
    return text.isEmpty() ? "（本件无会办单位意见）" : text;
  }

  /** When, how and what the lead unit talked over with the proposer in this round; empty before it did. */
  public String contactRecord(String itemId, int round) {
    return records.contact(itemId, round).map(ContactRecordForm::describe).orElse("");
  }

  /** Why the reviewer or the official sent this round's draft back, newest first; empty when none did. */
  public String returnComments(String itemId, int round) {
    return describe(records.returns(itemId, round).stream().filter(note -> note.stage() != Stage.FEEDBACK));
  }

  /** Why the proposer was not satisfied with the earlier reply; empty in the first round. */
  public String proposerComments(String itemId, int round) {
    return describe(records.returns(itemId, round).stream().filter(note -> note.stage() == Stage.FEEDBACK));
  }

  /** What a round after the first answers again; empty in the first round. */
  public Optional<Rehandling> rehandling(String itemId, int round) {
    if (round < 2) {
      return Optional.empty();
    }
    String reason = records.returns(itemId, round).stream().filter(note -> note.stage() == Stage.FEEDBACK)
        .map(Note::remark).findFirst().orElse("");
    return Optional.of(new Rehandling(round, reason, replies.get(itemId, round - 1)));
  }

  private static String describe(Stream<Note> notes) {
    return notes.map(Note::describe).collect(Collectors.joining("\n\n"));
  }
}
