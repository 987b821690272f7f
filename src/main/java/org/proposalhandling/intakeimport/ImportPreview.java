package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.duplicates.DuplicateCheck;
import org.proposalhandling.duplicates.TextSimilarity;
import org.proposalhandling.item.ItemKind;
import org.springframework.stereotype.Component;

/**
 * What an import will register, before the clerk confirms it: how many of each kind, how many for each
 * suggested lead unit, and for each row the possible duplicates in its session (other rows of the file, items
 * already registered) and related items of other sessions, from the title and text: hints, never a block.
 */
@Component
class ImportPreview {

  /** Another row (link null) or a registered item, and how alike it reads. */
  record Similar(String what, String title, int percent, String link) {
  }

  /** A row's closest possible duplicates, how many more reach the threshold, and its related items. */
  record Hint(int row, String number, String title, List<Similar> similar, long unlisted, List<Similar> related) {
  }

  /**
   * The rows with hints, the first {@link #LISTED_ROWS} of them; how many possible duplicates the page does not
   * list (beyond a row's closest few, or of rows beyond those listed); complete false when the comparisons
   * stopped early; relatedRows: how many rows (the first) were looked up for related items.
   */
  record Preview(int total, Map<String, Integer> byKind, Map<String, Integer> byLeadUnit,
                 Map<String, Integer> byCoUnit, List<Hint> hints, long unlistedHints, boolean hintsComplete,
                 int relatedRows) {
  }

  static final String NO_SUGGESTION = "（未建议）";
  /** The closest few are enough for a hint; a file of near-identical texts would otherwise list every pair. */
  static final int MOST_SIMILAR = 5;
  /** Enough rows to read through; the rest are counted (15,000 rows of one title listed every row). */
  static final int LISTED_ROWS = 200;
  /** One search of the index each: the rows a clerk reads through, not 15,000 searches. */
  static final int RELATED_ROWS = LISTED_ROWS;

  private final UnitDirectory units;
  private final SessionTitles sessions;
  private final DuplicateCheck check;

  ImportPreview(UnitDirectory units, SessionTitles sessions, DuplicateCheck check) {
    this.units = units;
    this.sessions = sessions;
    this.check = check;
  }

  /** The rows need their session, number, title, fingerprint, kind and suggested units only. */
  Preview of(String officeId, List<ImportRow> rows) {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (ItemKind kind : ItemKind.values()) {
      int count = (int) rows.stream().filter(row -> kind.name().equals(row.kind())).count();
      if (count > 0) {
        byKind.put(kind.label(), count);
      }
    }
    Map<String, Integer> byLead = new TreeMap<>();
    Map<String, Integer> byCo = new TreeMap<>();
    for (ImportRow row : rows) {
      byLead.merge(row.proposedLeadUnit() == null ? NO_SUGGESTION : units.nameOf(row.proposedLeadUnit()), 1, Integer::sum);
      row.coUnitIds().forEach(unitId -> byCo.merge(units.nameOf(unitId), 1, Integer::sum));
    }
    List<SessionTitles.Registered> existing = sessions.of(officeId,
        List.copyOf(new LinkedHashSet<>(rows.stream().map(ImportRow::sessionName).toList())));
    List<String> fingerprints = new ArrayList<>(rows.stream().map(ImportRow::fingerprint).toList());
    existing.forEach(item -> fingerprints.add(item.fingerprint()));
    TextSimilarity.Result similar = TextSimilarity.similar(fingerprints, rows.size(), MOST_SIMILAR);

    List<Hint> hints = new ArrayList<>();
    long unlisted = 0;
    for (int index = 0; index < rows.size(); index++) {
      TextSimilarity.Found found = similar.found().get(index);
      ImportRow row = rows.get(index);
      List<Similar> related = index < RELATED_ROWS ? related(officeId, row) : List.of();
      if (found.count() == 0 && related.isEmpty()) {
        continue;
      }
      if (hints.size() == LISTED_ROWS) {
        unlisted += found.count();
        continue;
      }
      List<Similar> closest = found.closest().stream().map(match -> match.index() < rows.size()
          ? inFile(rows.get(match.index()), match.similarity()) : registered(existing.get(match.index() - rows.size()), match.similarity()))
          .toList();
      hints.add(new Hint(row.line(), row.number(), row.title(), closest, found.count() - closest.size(), related));
      unlisted += found.count() - closest.size();
    }
    return new Preview(rows.size(), byKind, sortedByCount(byLead), sortedByCount(byCo), hints, unlisted, similar.complete(),
        Math.min(rows.size(), RELATED_ROWS));
  }

  /** Items of other sessions on the row's subject; the registered ones of its own session are compared above. */
  private List<Similar> related(String officeId, ImportRow row) {
    return check.of(null, row.sessionName(), row.title(), row.fingerprint(), Set.of(officeId)).related().stream()
        .map(match -> new Similar("其他届次：" + match.reference(), match.title(), match.percent(), match.link())).toList();
  }

  private static Similar inFile(ImportRow row, double similarity) {
    return new Similar("本文件第 " + row.line() + " 行（编号 " + row.number() + "）", row.title(), percent(similarity), null);
  }

  private static Similar registered(SessionTitles.Registered item, double similarity) {
    return new Similar("已登记：" + item.sessionName() + "第" + item.number() + "号", item.title(), percent(similarity),
        "/items/" + item.id());
  }

  private static int percent(double similarity) {
    return (int) Math.round(similarity * 100);
  }

  private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }
}
