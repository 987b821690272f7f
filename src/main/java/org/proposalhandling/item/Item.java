package org.proposalhandling.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.proposalhandling.directory.NoticeChannels;

/**
 * A deputy's suggestion or a member's proposal, as the app stores it; its id is the process's business key.
 * Its status, deadlines and units change only through {@link ItemLifecycle}.
 */
public record Item(
    String id,
    String assigningOfficeId,
    String sessionName,
    String number,
    ItemKind kind,
    String title,
    String content,
    String proposerName,
    List<CoSigner> coSigners,
    String proposerEmail,
    String proposerPhone,
    boolean publicationConsent,
    LocalDate filedOn,
    String proposedLeadUnitId,
    ItemStatus status,
    String rejectionReason,
    String leadUnitId,
    boolean keyItem,
    LocalDate assignedOn,
    LocalDate replyDue,
    LocalDate coHandlingDue,
    int handlingRound,
    Instant createdAt,
    String processInstanceId,
    Satisfaction satisfaction,
    NoticeChannels proposerNotice) {

  /** How documents cite the item, e.g. 省政协十三届一次会议第D13号党派团体提案. */
  public String reference() {
    return sessionName + "第" + number + "号" + kind.label();
  }

  /** The short form users search and speak of, e.g. 省政协十三届一次会议第D13号. */
  public String shortReference() {
    return sessionName + "第" + number + "号";
  }

  public String proposerWithCoSigners() {
    return coSigners.isEmpty() ? proposerName : proposerName + "（" + kind.coSigning().label() + "：" + coSignerNames() + "）";
  }

  /** The co-signers' names, 、-separated as documents list them; empty when there are none. */
  public String coSignerNames() {
    return coSigners.stream().map(CoSigner::name).collect(Collectors.joining("、"));
  }

  /** The co-signers with their delegations or sectors, e.g. 李四（经济界）、王五; empty when there are none. */
  public String coSignersWithConstituencies() {
    return coSigners.stream().map(CoSigner::nameWithConstituency).collect(Collectors.joining("、"));
  }

  /** The item with these co-signers, as registered. */
  public Item withCoSigners(List<CoSigner> registered) {
    return new Item(id, assigningOfficeId, sessionName, number, kind, title, content, proposerName, List.copyOf(registered),
        proposerEmail, proposerPhone, publicationConsent, filedOn, proposedLeadUnitId, status, rejectionReason, leadUnitId,
        keyItem, assignedOn, replyDue, coHandlingDue, handlingRound, createdAt, processInstanceId, satisfaction, proposerNotice);
  }

  /**
   * Whether a proposer of the item (the lead or a co-signer) with this address and this mobile number is texted
   * the reply and the reminders: the office chose SMS for the item's proposers, or chose nothing and no mail
   * reaches him. A number is needed.
   */
  public boolean textsProposer(String email, String mobile) {
    return mobile != null && (proposerNotice == null ? email == null : proposerNotice.sms());
  }

  /** Whether he gets them by mail: he has an address, and the office did not choose SMS alone, or he cannot be texted. */
  public boolean mailsProposer(String email, String mobile) {
    return email != null && (proposerNotice == null || proposerNotice.mail() || !textsProposer(email, mobile));
  }
}
