package org.proposalhandling.ledger.internal;

import java.time.LocalDate;
import java.util.List;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;

/**
 * One line of the ledger: the item as the list and the export show it, its marks worked out; its co-signers'
 * names 、-separated (null when none); while its reply cannot leave (送达失败), the reason (the list's page only).
 */
public record LedgerRow(String id, String number, String sessionName, ItemKind kind, String title, String proposer,
                 String coSigners, String leadUnit, List<String> coHandlingUnits, ItemStatus status, int round, LocalDate assignedOn,
                 LocalDate replyDue, Integer workingDaysLeft, Mark mark, boolean keyItem, String category,
                 Satisfaction satisfaction, String deliveryFailure) {

  /** The red and yellow cards (红黄牌) as the list shows them: overdue, or due soon. */
  public enum Mark {
    RED("红"), YELLOW("黄");

    private final String label;

    Mark(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public String stage() {
    return status.label(round);
  }
}
