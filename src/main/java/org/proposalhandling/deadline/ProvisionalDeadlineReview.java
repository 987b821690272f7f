package org.proposalhandling.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.proposalhandling.calendar.ProvisionalCalendarUse;
import org.proposalhandling.calendar.StatutoryHolidays;
import org.proposalhandling.calendar.WorkingDayCalendar;
import org.proposalhandling.deadline.DeadlineProperties.Rules;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which open deadlines the assigning office should review because they were counted on the provisional
 * calendar of a year whose State Council file has since been loaded. The deadlines are listed, not moved:
 * the units were told their dates, the yellow and red timers count on them, and the office may prefer to
 * keep a date that the notice has made a day earlier. It decides, item by item.
 *
 * <p>Stateless, so that it gives the same answer after a restart: a deadline counted in months from
 * assignment (the first reply; the co-handling opinion) is listed when its stored date is the one the
 * provisional calendar gives and not the one the loaded files give. Any other open deadline (after an
 * extension, in the second round) is listed when it falls on a day off of the loaded files, with the next
 * working day. Runs once the application is ready and after each reload of the holiday files; the result of
 * the last run is kept for the calendar's health check.
 */
@Component
class ProvisionalDeadlineReview implements ProvisionalCalendarUse {

  private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlineReview.class);

  /** An open deadline whose date the office should check, with the date the loaded calendar gives. */
  record ToReview(String itemId, String sessionName, String itemNumber, String deadline, LocalDate stored,
                  LocalDate recomputed) {

    /** As the health check and the reload's answer show it. */
    Map<String, Object> describe() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("itemId", itemId);
      map.put("session", sessionName);
      map.put("number", itemNumber);
      map.put("deadline", deadline);
      map.put("stored", stored.toString());
      map.put("recomputed", recomputed.toString());
      return map;
    }
  }

  /**
   * @param provisionalYears the provisional years that open deadlines are counted across
   * @param provisionalDeadlines how many open deadlines are so counted
   */
  record Result(Instant at, List<ToReview> toReview, Set<Integer> provisionalYears, int provisionalDeadlines) {
    static final Result NONE = new Result(null, List.of(), Set.of(), 0);
  }

  private record OpenItem(String id, String sessionName, String number, ItemKind kind, boolean firstRound,
                          LocalDate assignedOn, LocalDate replyDue, LocalDate coHandlingDue) {
  }

  /** @param monthsFromAssignment how it was counted, where known; null after an extension or in re-handling */
  private record Deadline(String name, LocalDate stored, Integer monthsFromAssignment) {
  }

  /** Where the reply is still to come: its due date and, while in 会办及沟通, the co-handling one count. */
  private static final Set<ItemStatus> OPEN = EnumSet.of(ItemStatus.HANDLING, ItemStatus.DRAFTING,
      ItemStatus.IN_REVIEW, ItemStatus.COUNTERSIGNING, ItemStatus.SIGNING, ItemStatus.OFFICE_REVIEW, ItemStatus.SIGNED);

  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private volatile Result last = Result.NONE;

  ProvisionalDeadlineReview(JdbcClient jdbc, WorkingDayCalendar calendar, DeadlineProperties properties) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.properties = properties;
  }

  @Override
  public Set<Integer> provisionalYears() {
    return last.provisionalYears();
  }

  @Override
  public Map<String, Object> details() {
    Result result = last;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("openDeadlinesOnProvisionalCalendar", result.provisionalDeadlines());
    details.put("reviewedAt", String.valueOf(result.at()));
    details.put("toReview", result.toReview().stream().map(ToReview::describe).toList());
    return details;
  }

  /** Void: a listener's return value would be published as an event. */
  @EventListener(ApplicationReadyEvent.class)
  void runAtStart() {
    run();
  }

  Result run() {
    List<ToReview> toReview = new ArrayList<>();
    Set<Integer> provisionalYears = new TreeSet<>();
    int provisionalDeadlines = 0;
    Map<Set<Integer>, WorkingDayCalendar> provisionalCalendars = new HashMap<>();
    for (OpenItem item : openItems()) {
      Rules rules = properties.of(item.kind());
      List<Deadline> deadlines = new ArrayList<>();
      deadlines.add(new Deadline("答复期限", item.replyDue(), item.firstRound() ? rules.replyMonths() : null));
      if (item.firstRound() && item.coHandlingDue() != null) {
        deadlines.add(new Deadline("会办意见期限", item.coHandlingDue(), rules.coHandlingMonths()));
      }
      for (Deadline deadline : deadlines) {
        Set<Integer> years = provisionalYears(item.assignedOn(), deadline.stored());
        if (!years.isEmpty()) {
          provisionalYears.addAll(years);
          provisionalDeadlines++;
        }
        LocalDate recomputed = recompute(item.assignedOn(), deadline, provisionalCalendars);
        if (!recomputed.equals(deadline.stored())) {
          toReview.add(new ToReview(item.id(), item.sessionName(), item.number(), deadline.name(), deadline.stored(),
              recomputed));
        }
      }
    }
    Result result = new Result(EngineClock.now(), List.copyOf(toReview), Collections.unmodifiableSet(provisionalYears),
        provisionalDeadlines);
    last = result;
    log(result);
    return result;
  }

  /** The date the loaded calendar gives where the stored one was counted on a provisional calendar. */
  private LocalDate recompute(LocalDate assignedOn, Deadline deadline,
                              Map<Set<Integer>, WorkingDayCalendar> provisionalCalendars) {
    LocalDate stored = deadline.stored();
    Integer months = deadline.monthsFromAssignment();
    if (months != null) {
      LocalDate loaded = calendar.addMonths(assignedOn, months);
      Set<Integer> loadedSince = new TreeSet<>();
      for (int year = Math.max(assignedOn.getYear(), StatutoryHolidays.FIRST_YEAR); year <= stored.getYear(); year++) {
        if (calendar.coveredYears().contains(year)) {
          loadedSince.add(year);
        }
      }
      LocalDate provisional = provisionalCalendars.computeIfAbsent(loadedSince, calendar::withProvisional)
          .addMonths(assignedOn, months);
      if (stored.equals(provisional)) {
        return loaded;
      }
    }
    return calendar.nextWorkingDayFrom(stored);
  }

  private Set<Integer> provisionalYears(LocalDate start, LocalDate end) {
    Set<Integer> years = new TreeSet<>();
    for (int year = start.plusDays(1).getYear(); year <= end.getYear(); year++) {
      if (calendar.provisional(LocalDate.of(year, 12, 31))) {
        years.add(year);
      }
    }
    return years;
  }

  private List<OpenItem> openItems() {
    return jdbc.sql("""
            select id, session_name, item_number, kind, status, handling_round, assigned_on, reply_due, co_handling_due
            from item where status in (:open) and assigned_on is not null and reply_due is not null
            order by session_name, item_number""")
        .param("open", OPEN.stream().map(ItemStatus::name).toList())
        .query((rs, row) -> {
          boolean coHandling = ItemStatus.HANDLING.name().equals(rs.getString("status"));
          return new OpenItem(rs.getString("id"), rs.getString("session_name"), rs.getString("item_number"),
              ItemKind.valueOf(rs.getString("kind")), rs.getInt("handling_round") == 1,
              rs.getObject("assigned_on", LocalDate.class), rs.getObject("reply_due", LocalDate.class),
              coHandling ? rs.getObject("co_handling_due", LocalDate.class) : null);
        })
        .list();
  }

  private static void log(Result result) {
    if (!result.provisionalYears().isEmpty()) {
      log.warn("{} open deadline(s) are counted on the provisional holiday calendar of {}: they may move when "
          + "that year's State Council notice is loaded", result.provisionalDeadlines(), result.provisionalYears());
    }
    if (!result.toReview().isEmpty()) {
      log.warn("{} open deadline(s) were counted before their year's holiday file was loaded; the assigning "
          + "office should review them (dates not changed):", result.toReview().size());
      for (ToReview item : result.toReview()) {
        log.warn("  {} {} (item {}): {} {} -> {} by the loaded calendar", item.sessionName(), item.itemNumber(),
            item.itemId(), item.deadline(), item.stored(), item.recomputed());
      }
    }
  }
}
