package org.proposalhandling.item;

import java.time.Instant;
import java.time.LocalDate;

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
    String coSigners,
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
    Satisfaction satisfaction) {

  /** How documents cite the item, e.g. 省政协十三届一次会议第D13号党派团体提案. */
  public String reference() {
    return sessionName + "第" + number + "号" + kind.label();
  }

  /** The short form users search and speak of, e.g. 省政协十三届一次会议第D13号. */
  public String shortReference() {
    return sessionName + "第" + number + "号";
  }

  public String proposerWithCoSigners() {
    return coSigners == null ? proposerName : proposerName + "（附议：" + coSigners + "）";
  }
}
