package org.proposalhandling.statistics.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.feedback.FeedbackSettings;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.statistics.internal.StatisticsReport.Charts;
import org.proposalhandling.statistics.internal.StatisticsReport.Column;
import org.proposalhandling.statistics.internal.StatisticsReport.Definition;
import org.proposalhandling.statistics.internal.StatisticsReport.Row;
import org.proposalhandling.statistics.internal.StatisticsReport.Series;
import org.proposalhandling.statistics.internal.StatisticsReport.Slice;
import org.proposalhandling.statistics.internal.StatisticsReport.Table;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Service;

/** Puts the report together from the queries' grouped rows: the tables, their totals and the charts' series. */
@Service
class Statistics {

  private static final List<Figure> SATISFACTION = List.of(Figure.SATISFIED, Figure.BASICALLY_SATISFIED,
      Figure.UNSATISFIED, Figure.NO_RESPONSE);

  private final StatisticsQuery query;
  private final UnitDirectory directory;
  private final FeedbackSettings feedback;

  Statistics(StatisticsQuery query, UnitDirectory directory, FeedbackSettings feedback) {
    this.query = query;
    this.directory = directory;
    this.feedback = feedback;
  }

  StatisticsReport report(StatisticsScope scope, StatisticsFilter filter) {
    StatisticsQuery.Figures figures = query.figures(scope, filter);
    Map<String, Tally> sessions = figures.bySession();
    Map<String, Tally> units = figures.byUnit();
    Tally total = Tally.sum(sessions.values());
    Table bySession = table("按会议统计", "会议", Arrays.asList(Figure.values()), Figure::label, sessions,
        Function.identity(), total);
    Table byUnit = table("按承办单位统计", "承办单位", Figure.OF_UNITS, Figure::unitLabel, units, directory::nameOf,
        Tally.sum(units.values()));
    return new StatisticsReport(filter.description(), scopeName(scope), EngineClock.today(), filter.parameters(),
        query.sessions(scope), bySession, byUnit, resultRule(), byPerson(query.persons(scope, filter)), definitions(),
        charts(scope, filter, units, total));
  }

  /** 满意率 counts items by their result; how a joint item's result follows its proposers' answers. */
  private String resultRule() {
    return "满意率按件计算；联名、附议件的办件结果：" + feedback.resultRule().label() + "。";
  }

  private static Table byPerson(StatisticsQuery.Persons persons) {
    List<Column> columns = new ArrayList<>();
    Arrays.stream(Satisfaction.values()).forEach(satisfaction ->
        columns.add(new Column(satisfaction.name(), satisfaction.label(), false)));
    columns.add(new Column("PERSON_SATISFACTION_RATE", "满意率（按人）", true));
    return new Table("按人统计满意度", "提出人", columns,
        List.of(personRow("LEAD", "领衔人", persons.leads()), personRow("CO_SIGNER", "联名人、附议人", persons.coSigners())),
        personRow("", "合计", persons.leads().plus(persons.coSigners())));
  }

  private static Row personRow(String key, String name, PersonTally tally) {
    List<Number> values = new ArrayList<>();
    Arrays.stream(Satisfaction.values()).forEach(satisfaction -> values.add(tally.get(satisfaction)));
    values.add(tally.rate());
    return new Row(key, name, values);
  }

  private static Table table(String title, String keyLabel, List<Figure> figures, Function<Figure, String> label,
                             Map<String, Tally> tallies, Function<String, String> name, Tally total) {
    List<Column> columns = new ArrayList<>();
    figures.forEach(figure -> columns.add(new Column(figure.name(), label.apply(figure), false)));
    Arrays.stream(Rate.values()).forEach(rate -> columns.add(new Column(rate.name(), rate.label(), true)));
    List<Row> rows = tallies.entrySet().stream()
        .map(entry -> row(entry.getKey(), name.apply(entry.getKey()), figures, entry.getValue()))
        .sorted(Comparator.comparing(Row::name))
        .toList();
    return new Table(title, keyLabel, columns, rows, row("", "合计", figures, total));
  }

  private static Row row(String key, String name, List<Figure> figures, Tally tally) {
    List<Number> values = new ArrayList<>();
    figures.forEach(figure -> values.add(tally.get(figure)));
    Arrays.stream(Rate.values()).forEach(rate -> values.add(tally.rate(rate)));
    return new Row(key, name, values);
  }

  private static List<Definition> definitions() {
    List<Definition> definitions = new ArrayList<>();
    definitions.add(new Definition("统计范围", "所选会议（未选则为全部会议）中、登记日期在所选期间内的建议提案；"
        + "交办机构统计其交办的全部件，承办单位只统计本单位主办或会办的件。"));
    Arrays.stream(Figure.values()).forEach(figure -> definitions.add(new Definition(figure.label(), figure.definition())));
    Arrays.stream(Rate.values()).forEach(rate -> definitions.add(new Definition(rate.label(), rate.definition())));
    definitions.add(new Definition("满意率（按人）", PersonTally.DEFINITION));
    definitions.add(new Definition("每周答复与到期", "每周（周一至周日）送达的答复份数与当周到期的答复份数的累计数；"
        + "已送达的答复按送达当时的期限、尚未答复的按现行期限计入到期。"));
    return definitions;
  }

  private String scopeName(StatisticsScope scope) {
    if (scope.office()) {
      return directory.nameOf(scope.officeId()) + "（交办机构）";
    }
    return String.join("、", scope.units().stream().map(Unit::name).toList());
  }

  private Charts charts(StatisticsScope scope, StatisticsFilter filter, Map<String, Tally> units, Tally total) {
    List<String> unitIds = units.keySet().stream().sorted(Comparator.comparing(directory::nameOf)).toList();
    List<Series> perUnit = List.of(
        new Series("主办", unitIds.stream().map(unit -> units.get(unit).get(Figure.ASSIGNED)).toList()),
        new Series("会办", unitIds.stream().map(unit -> units.get(unit).get(Figure.CO_HANDLED)).toList()));

    Map<String, Map<ItemStatus, Long>> stages = query.stagesByUnit(scope, filter);
    List<String> stageUnits = stages.keySet().stream()
        .sorted(Comparator.comparing((String unit) -> unit.isEmpty()).thenComparing(directory::nameOf)).toList();
    Set<ItemStatus> present = EnumSet.noneOf(ItemStatus.class);
    stages.values().forEach(counts -> present.addAll(counts.keySet()));
    List<Series> stageSeries = present.stream()
        .map(status -> new Series(status.label(), stageUnits.stream().map(unit -> stages.get(unit).getOrDefault(status, 0L)).toList()))
        .toList();

    List<Slice> satisfaction = SATISFACTION.stream().map(figure -> new Slice(figure.label(), total.get(figure))).toList();

    StatisticsQuery.Days days = query.days(scope, filter);
    TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
    days.delivered().forEach((day, n) -> weeks.computeIfAbsent(monday(day), week -> new long[2])[0] += n);
    days.due().forEach((day, n) -> weeks.computeIfAbsent(monday(day), week -> new long[2])[1] += n);
    List<LocalDate> mondays = weeks.isEmpty() ? List.of()
        : Stream.iterate(weeks.firstKey(), week -> !week.isAfter(weeks.lastKey()), week -> week.plusWeeks(1)).toList();
    List<Long> delivered = runningTotal(mondays, weeks, 0);
    List<Long> due = runningTotal(mondays, weeks, 1);
    return new Charts(unitIds.stream().map(directory::nameOf).toList(), perUnit,
        stageUnits.stream().map(unit -> unit.isEmpty() ? "未交办" : directory.nameOf(unit)).toList(), stageSeries,
        satisfaction, mondays.stream().map(LocalDate::toString).toList(),
        List.of(new Series("累计已答复", delivered), new Series("累计应答复（到期）", due)));
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static List<Long> runningTotal(List<LocalDate> mondays, Map<LocalDate, long[]> weeks, int index) {
    List<Long> totals = new ArrayList<>();
    long sum = 0;
    for (LocalDate week : mondays) {
      long[] counts = weeks.get(week);
      sum += counts == null ? 0 : counts[index];
      totals.add(sum);
    }
    return totals;
  }
}
