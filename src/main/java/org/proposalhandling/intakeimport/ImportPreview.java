package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.Comparator;
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

  record Hint(int row, String number, String title, List<Similar> similar) {
  }

  record Preview(int total, Map<String, Integer> byKind, Map<String, Integer> byLeadUnit,
                 Map<String, Integer> byCoUnit, List<Hint> hints) {
  }

  static final String NO_SUGGESTION = "（未建议）";
  /** The closest few are enough for a hint; a file of near-identical titles would otherwise list every pair. */
  private static final int MOST_SIMILAR = 5;

  private final UnitDirectory units;
  private final SessionTitles sessions;

  ImportPreview(UnitDirectory units, SessionTitles sessions) {
    this.units = units;
    this.sessions = sessions;
  }

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
    return new Preview(rows.size(), byKind, sortedByCount(byLead), sortedByCount(byCo), hints(officeId, rows));
  }

  private List<Hint> hints(String officeId, List<ImportRow> rows) {
    Set<String> compared = new LinkedHashSet<>();
    for (String session : new LinkedHashSet<>(rows.stream().map(ImportRow::sessionName).toList())) {
      compared.add(session);
      sessions.previous(officeId, session).ifPresent(compared::add);
    }
    List<SessionTitles.Titled> existing = sessions.of(officeId, List.copyOf(compared));
    List<String> titles = new ArrayList<>(rows.stream().map(ImportRow::title).toList());
    existing.forEach(item -> titles.add(item.title()));
    Map<Integer, List<Similar>> similar = new TreeMap<>();
    for (TitleSimilarity.Pair pair : TitleSimilarity.similarPairs(titles)) {
      if (pair.first() >= rows.size()) {
        continue;
      }
      int percent = (int) Math.round(pair.similarity() * 100);
      if (pair.second() < rows.size()) {
        ImportRow a = rows.get(pair.first());
        ImportRow b = rows.get(pair.second());
        similar.computeIfAbsent(pair.first(), i -> new ArrayList<>())
            .add(new Similar("本文件第 " + b.line() + " 行（编号 " + b.number() + "）", b.title(), percent));
        similar.computeIfAbsent(pair.second(), i -> new ArrayList<>())
            .add(new Similar("本文件第 " + a.line() + " 行（编号 " + a.number() + "）", a.title(), percent));
      } else {
        SessionTitles.Titled item = existing.get(pair.second() - rows.size());
        similar.computeIfAbsent(pair.first(), i -> new ArrayList<>())
            .add(new Similar("已登记：" + item.sessionName() + "第" + item.number() + "号", item.title(), percent));
      }
    }
    List<Hint> hints = new ArrayList<>();
    similar.forEach((index, list) -> {
      ImportRow row = rows.get(index);
      list.sort(Comparator.comparingInt(Similar::percent).reversed());
      hints.add(new Hint(row.line(), row.number(), row.title(), List.copyOf(list.subList(0, Math.min(list.size(), MOST_SIMILAR)))));
    });
    return hints;
  }

  private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }
}
