package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemKind;
import org.springframework.stereotype.Component;

/**
 * What an import will register, before the clerk confirms it: how many of each kind, how many for each
 * suggested lead unit, and the rows whose title reads like another row's or like an item of the same or the
 * previous session (a possible duplicate, or a candidate for handling together): hints, never a block.
 */
@Component
class ImportPreview {

  record Similar(String what, String title, int percent) {
  }

  /** A row's closest titles, and how many more reach the threshold. */
  record Hint(int row, String number, String title, List<Similar> similar, long unlisted) {
  }

  /**
   * The rows with hints, the first {@link #LISTED_ROWS} of them; how many similar titles the page does not
   * list (beyond a row's closest few, or of rows beyond those listed); complete false when the comparisons
   * stopped early.
   */
  record Preview(int total, Map<String, Integer> byKind, Map<String, Integer> byLeadUnit,
                 Map<String, Integer> byCoUnit, List<Hint> hints, long unlistedHints, boolean hintsComplete) {
  }

  static final String NO_SUGGESTION = "（未建议）";
  /** The closest few are enough for a hint; a file of near-identical titles would otherwise list every pair. */
  static final int MOST_SIMILAR = 5;
  /** Enough rows to read through; the rest are counted (15,000 rows of one title listed every row). */
  static final int LISTED_ROWS = 200;

  private final UnitDirectory units;
  private final SessionTitles sessions;

  ImportPreview(UnitDirectory units, SessionTitles sessions) {
    this.units = units;
    this.sessions = sessions;
  }

  /** The rows need their session, number, title, kind and suggested units only. */
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
    Set<String> compared = new LinkedHashSet<>();
    for (String session : new LinkedHashSet<>(rows.stream().map(ImportRow::sessionName).toList())) {
      compared.add(session);
      sessions.previous(officeId, session).ifPresent(compared::add);
    }
    List<SessionTitles.Titled> existing = sessions.of(officeId, List.copyOf(compared));
    List<String> titles = new ArrayList<>(rows.stream().map(ImportRow::title).toList());
    existing.forEach(item -> titles.add(item.title()));
    TitleSimilarity.Result similar = TitleSimilarity.similar(titles, rows.size(), MOST_SIMILAR);

    List<Hint> hints = new ArrayList<>();
    long unlisted = 0;
    for (int index = 0; index < rows.size(); index++) {
      TitleSimilarity.Found found = similar.found().get(index);
      if (found.count() == 0) {
        continue;
      }
      if (hints.size() == LISTED_ROWS) {
        unlisted += found.count();
        continue;
      }
      ImportRow row = rows.get(index);
      List<Similar> closest = found.closest().stream().map(match -> match.index() < rows.size()
          ? inFile(rows.get(match.index()), match.similarity()) : registered(existing.get(match.index() - rows.size()), match.similarity()))
          .toList();
      hints.add(new Hint(row.line(), row.number(), row.title(), closest, found.count() - closest.size()));
      unlisted += found.count() - closest.size();
    }
    return new Preview(rows.size(), byKind, sortedByCount(byLead), sortedByCount(byCo), hints, unlisted, similar.complete());
  }

  private static Similar inFile(ImportRow row, double similarity) {
    return new Similar("本文件第 " + row.line() + " 行（编号 " + row.number() + "）", row.title(), percent(similarity));
  }

  private static Similar registered(SessionTitles.Titled item, double similarity) {
    return new Similar("已登记：" + item.sessionName() + "第" + item.number() + "号", item.title(), percent(similarity));
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
