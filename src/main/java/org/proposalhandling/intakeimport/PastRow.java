package org.proposalhandling.intakeimport;

import java.time.LocalDate;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.Satisfaction;

/** A row of past replies that passed every check: an earlier item, its lead unit, its reply and its rating. */
record PastRow(int line, String sessionName, String number, ItemKind kind, String title, String content,
               String proposerName, LocalDate filedOn, String leadUnitId, String category, String documentNumber,
               LocalDate repliedOn, String reply, Satisfaction satisfaction) {
}
