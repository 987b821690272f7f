package org.proposalhandling.intakeimport;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The titles of the items an office registered in a session, and which session came before it
 * (省政协十三届二次会议 follows 十三届一次, 十四届一次 follows the last of 十三届), to compare an import's titles with.
 * Reads the item table directly: the item module offers no query by session yet.
 */
@Component
class SessionTitles {

  record Titled(String sessionName, String number, String title) {
  }

  private static final Pattern SESSION = Pattern.compile("^(.*?)([零〇一二三四五六七八九十百\\d]+)届([零〇一二三四五六七八九十\\d]+)次(会议)?$");

  private final JdbcClient jdbc;

  SessionTitles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Titled> of(String officeId, List<String> sessionNames) {
    if (sessionNames.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select session_name, item_number, title from item where assigning_office_id = :office and session_name in (:sessions)")
        .param("office", officeId).param("sessions", sessionNames)
        .query((rs, n) -> new Titled(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  /**
   * The titles of every item registered in these sessions, whatever its office, by {@link ImportStore#key}
   * (session and number must be unique): one query for a whole file instead of one per row.
   */
  Map<String, String> registered(Collection<String> sessionNames) {
    Map<String, String> titles = new HashMap<>();
    if (!sessionNames.isEmpty()) {
      jdbc.sql("select session_name, item_number, title from item where session_name in (:sessions)")
          .param("sessions", List.copyOf(sessionNames))
          .query((rs, n) -> titles.put(ImportStore.key(rs.getString(1), rs.getString(2)), rs.getString(3))).list();
    }
    return titles;
  }

  /** The office's latest session before this one with the same name before 届, if the names say届 and 次. */
  Optional<String> previous(String officeId, String sessionName) {
    Optional<int[]> current = order(sessionName);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    String prefix = prefix(sessionName);
    List<String> known = jdbc.sql("select distinct session_name from item where assigning_office_id = ?")
        .param(officeId).query(String.class).list();
    return known.stream()
        .filter(name -> prefix(name).equals(prefix) && order(name).filter(o -> compare(o, current.get()) < 0).isPresent())
        .max(Comparator.comparing(name -> order(name).orElseThrow(), SessionTitles::compare));
  }

  private static String prefix(String sessionName) {
    Matcher matcher = SESSION.matcher(sessionName);
    return matcher.matches() ? matcher.group(1) : sessionName;
  }

  private static Optional<int[]> order(String sessionName) {
    Matcher matcher = SESSION.matcher(sessionName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {number(matcher.group(2)), number(matcher.group(3))});
  }

  private static int compare(int[] a, int[] b) {
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }

  /** 十三 → 13, 二十一 → 21, 一百零二 → 102, or plain digits. */
  static int number(String numeral) {
    if (numeral.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(numeral);
    }
    int total = 0;
    int digit = 0;
    for (char c : numeral.toCharArray()) {
      int value = "零一二三四五六七八九".indexOf(c == '〇' ? '零' : c);
      if (value >= 0) {
        digit = value;
      } else if (c == '十') {
        total += (digit == 0 ? 1 : digit) * 10;
        digit = 0;
      } else if (c == '百') {
        total += (digit == 0 ? 1 : digit) * 100;
        digit = 0;
      }
    }
    return total + digit;
  }
}
