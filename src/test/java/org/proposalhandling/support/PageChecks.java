package org.proposalhandling.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What every page a role's walk visits must be, checked on the page the browser shows: no response of 500 or
 * above since the last check (the page, its scripts, Tasklist's calls to the engine), no English word of Java's
 * or Camunda's (Cockpit and Admin, the administrator's English tools, are exempt), the app's header on the
 * app's pages and the way back to the app in Tasklist's, Cockpit's and Admin's, every time in the office's
 * zone, and an unclaimed task's form saying to claim it first.
 *
 * <p>A time is caught when it reads as the browser's zone's time of something done since the checks began: the
 * walks run the browser in UTC, where the office's 15:32 is 07:32.
 */
public final class PageChecks {

  /** The words a clerk must never meet: Camunda's English UI, engine and Java messages, an empty value. */
  static final Pattern ENGLISH = Pattern.compile("(?i)\\b(exception|null|undefined|NaN|task|tasks|claim|unclaim"
      + "|complete|submit|save|process|processes|process definition|cannot|error|variable|variables|filter|filters"
      + "|created|follow-up|due|diagram|history|loading|logout|sign out|welcome|assignee|incident|deployment"
      + "|forbidden|whitelabel|not found|bad request|unauthorized|stacktrace)\\b|\\b(org|java|jakarta)\\.[a-z]+\\.");
  static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}");
  static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String SERVER_ERROR = "server error ";
  private static final Duration SETTLING = Duration.ofSeconds(5);

  /** What the checks read of a page. */
  record Page(String url, String text, boolean appHeader, boolean wayBackToApp, boolean unclaimedFormWithoutHint) {
  }

  private final Browser browser;
  private final ZoneId browserZone;
  private final Instant since;

  /** Checks from now on, for a browser whose clock reads in this zone (one recording its responses). */
  public PageChecks(Browser browser, ZoneId browserZone) {
    this.browser = browser;
    this.browserZone = browserZone;
    this.since = Instant.now();
  }

  /**
   * Fails with every problem of the page open now; a page whose scripts are still at work (Tasklist's) gets
   * five seconds to settle, a response of 500 or above none.
   */
  public void check(String step) {
    long until = System.nanoTime() + SETTLING.toNanos();
    List<String> problems = problems();
    while (!problems.isEmpty() && problems.stream().noneMatch(problem -> problem.startsWith(SERVER_ERROR))
        && System.nanoTime() < until) {
      pause();
      problems = problems();
    }
    if (!problems.isEmpty()) {
      browser.screenshot("page-check-failed-" + step);
      throw new AssertionError("Walk step «" + step + "» at " + browser.driver().getCurrentUrl() + ":\n  "
          + String.join("\n  ", problems));
    }
  }

  /** The problems of the page open now and the server errors since the last look. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(browser.serverErrors().stream().map(error -> SERVER_ERROR + error).toList());
    problems.addAll(problems(read(), Instant.now()));
    return problems;
  }

  /** This time, as a page shows it, is the office's time of a moment between these instants. */
  public static boolean showsOfficeTimeBetween(String shown, Instant from, Instant to) {
    Instant read = LocalDateTime.parse(shown, SHOWN).atZone(OFFICE).toInstant();
    return !read.isBefore(from.minus(Duration.ofMinutes(1))) && !read.isAfter(to);
  }

  List<String> problems(Page page, Instant now) {
    List<String> problems = new ArrayList<>();
    String path = URI.create(page.url()).getPath();
    boolean camunda = path.startsWith("/camunda/app/");
    boolean englishTool = path.startsWith("/camunda/app/cockpit/") || path.startsWith("/camunda/app/admin/");
    boolean withoutAccount = path.equals("/login") || path.startsWith("/links/") || path.startsWith("/public/");
    if (!englishTool) {
      Matcher english = ENGLISH.matcher(page.text());
      while (english.find()) {
        problems.add("English word «" + english.group() + "» in …" + around(page.text(), english.start()) + "…");
      }
    }
    if (camunda && !page.wayBackToApp()) {
      problems.add("no way back to the app (返回工作台) in the header");
    }
    if (!camunda && !withoutAccount && !page.appHeader()) {
      problems.add("no common header (#app-header with 建议提案办理系统 and 退出)");
    }
    if (page.unclaimedFormWithoutHint()) {
      problems.add("an unclaimed task's form without the hint 请先点击“签收”再办理");
    }
    // Tasklist and Cockpit show the browser's zone, as the user guide says; the app's pages show the office's.
    if (!camunda) {
      Matcher time = DATE_TIME.matcher(page.text());
      while (time.find()) {
        if (time.group().charAt(10) == 'T') {
          problems.add("a raw ISO time «" + time.group() + "»");
        } else if (madeDuringChecks(time.group(), browserZone, now) && !madeDuringChecks(time.group(), OFFICE, now)) {
          problems.add("«" + time.group() + "» is the browser's zone's (" + browserZone + ") time, not the office's");
        }
      }
    }
    return problems;
  }

  private boolean madeDuringChecks(String shown, ZoneId zone, Instant now) {
    Instant read = LocalDateTime.parse(shown, SHOWN).atZone(zone).toInstant();
    return !read.isBefore(since.minus(Duration.ofMinutes(1))) && !read.isAfter(now);
  }

  private Page read() {
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const shown = (e) => e !== null && e.getClientRects().length > 0;
        const unclaimed = document.querySelector('[cam-tasklist-task-meta] button.claim') !== null;
        return {
          url: location.href,
          text: document.title + '\\n' + (document.body ? document.body.innerText : ''),
          appHeader: shown(document.querySelector('#app-header a.brand')) && shown(document.querySelector('#app-header #logout')),
          wayBackToApp: shown(document.querySelector('li.back-to-workspace a')),
          unclaimedFormWithoutHint: unclaimed && Array.from(document.querySelectorAll('.disabled-form')).some((form) =>
              shown(form) && !shown(document.querySelector('.proposal-claim-hint')))
        };""");
    return new Page((String) page.get("url"), (String) page.get("text"), (Boolean) page.get("appHeader"),
        (Boolean) page.get("wayBackToApp"), (Boolean) page.get("unclaimedFormWithoutHint"));
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)).replaceAll("\\s+", " ");
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
