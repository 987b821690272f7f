package org.proposalhandling.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and validates one holiday data file. Strict on purpose: a wrong working-day calendar silently moves
 * every deadline, so anything unexpected fails with the file name and the offending entry.
 *
 * <pre>
 * year: 2024
 * notice:
 *   title: 国务院办公厅关于2024年部分节假日安排的通知
 *   number: 国办发明电〔2023〕7号
 *   issued: 2023-10-25          # optional
 *   url: https://www.gov.cn/... # optional
 * daysOff:
 *   - { date: 2024-02-10, holiday: 春节 }
 * makeUpWorkdays:
 *   - { date: 2024-02-04, holiday: 春节 }
 * </pre>
 */
final class HolidayFileParser {

  /** The seven public holidays of the 全国年节及纪念日放假办法 that the annual notice arranges. */
  static final List<String> HOLIDAY_NAMES =
      List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.ya?ml");
  private static final Set<String> TOP_LEVEL_KEYS = Set.of("year", "notice", "daysOff", "makeUpWorkdays");
  private static final Set<String> NOTICE_KEYS = Set.of("title", "number", "issued", "url");
  private static final Set<String> ENTRY_KEYS = Set.of("date", "holiday");

  private HolidayFileParser() {}

  /**
   * @param source  path of the file, e.g. {@code seeds/holidays/2024.yaml}; its name must be the year
   * @param content the file's text
   */
  static HolidayYear parse(String source, String content) {
    Object document;
    try {
      document = yaml().load(content);
    } catch (YAMLException e) {
      throw new IllegalStateException(
          "Holiday data file " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    Map<String, Object> root = map(source, document, "the document");
    checkKeys(source, root, TOP_LEVEL_KEYS, Set.of("year", "notice", "daysOff"), "the document");

    int year = year(source, root.get("year"));
    Map<String, Object> notice = map(source, root.get("notice"), "notice");
    checkKeys(source, notice, NOTICE_KEYS, Set.of("title", "number"), "notice");
    String title = text(source, notice.get("title"), "notice.title");
    String number = text(source, notice.get("number"), "notice.number");
    if (!title.contains(year + "年")) {
      throw fail(source, "notice.title '" + title + "' is not about the year " + year);
    }

    Map<LocalDate, String> daysOff = entries(source, year, root.get("daysOff"), "daysOff", false);
    Object makeUp = root.get("makeUpWorkdays");
    Map<LocalDate, String> makeUpWorkdays =
        makeUp == null ? Map.of() : entries(source, year, makeUp, "makeUpWorkdays", true);

    for (LocalDate date : daysOff.keySet()) {
      if (makeUpWorkdays.containsKey(date)) {
        throw fail(source, date + " is listed both in daysOff and in makeUpWorkdays");
      }
    }
    Set<String> missing = new LinkedHashSet<>(HOLIDAY_NAMES);
    daysOff.values().forEach(name -> missing.removeAll(List.of(name.split("、"))));
    if (!missing.isEmpty()) {
      throw fail(source, "daysOff has no day for " + String.join("、", missing)
          + ": every annual notice arranges all seven public holidays");
    }
    return new HolidayYear(source, year, title, number, daysOff, makeUpWorkdays);
  }

  private static int year(String source, Object value) {
    String fileName = source.substring(source.lastIndexOf('/') + 1);
    Matcher matcher = FILE_NAME.matcher(fileName);
    if (!matcher.matches()) {
      throw fail(source, "the file must be named after its year, e.g. 2024.yaml");
    }
    if (!(value instanceof Integer year)) {
      throw fail(source, "year: expected a year such as 2024, found '" + value + "'");
    }
    if (year != Integer.parseInt(matcher.group(1))) {
      throw fail(source, "year: " + year + " does not match the file name " + fileName);
    }
    return year;
  }

  private static Map<LocalDate, String> entries(
      String source, int year, Object value, String key, boolean weekendOnly) {
    if (!(value instanceof List<?> list)) {
      throw fail(source, key + ": expected a list of { date: YYYY-MM-DD, holiday: name }, found '" + value + "'");
    }
    Map<LocalDate, String> result = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Object entry = list.get(i);
      String where = key + " entry #" + (i + 1) + " " + entry;
      Map<String, Object> fields = map(source, entry, where);
      checkKeys(source, fields, ENTRY_KEYS, ENTRY_KEYS, where);

      LocalDate date = date(source, fields.get("date"), where);
      boolean inYear = date.getYear() == year;
      // A 元旦 break may start on 31 December of the year before (e.g. 2022-12-31 in the 2023 notice).
      boolean lateDecemberBefore = date.getYear() == year - 1 && date.getMonth() == Month.DECEMBER;
      if (!inYear && !lateDecemberBefore) {
        throw fail(source, where + ": " + date + " is outside the year " + year);
      }
      String holiday = text(source, fields.get("holiday"), where + ": holiday");
      for (String name : holiday.split("、")) {
        if (!HOLIDAY_NAMES.contains(name)) {
          throw fail(source, where + ": unknown holiday '" + name + "', expected one of "
              + HOLIDAY_NAMES + " (joined with 、 for a combined break)");
        }
      }
      DayOfWeek dayOfWeek = date.getDayOfWeek();
      if (weekendOnly && dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY) {
        throw fail(source, where + ": " + date + " is a " + dayOfWeek
            + ", a make-up working day (调休上班) is always a Saturday or a Sunday");
      }
      if (result.put(date, holiday) != null) {
        throw fail(source, where + ": " + date + " is listed twice in " + key);
      }
    }
    return result;
  }

  private static LocalDate date(String source, Object value, String where) {
    if (!(value instanceof String text)) {
      throw fail(source, where + ": date must be written YYYY-MM-DD, found '" + value + "'");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw fail(source, where + ": '" + text + "' is not a valid date YYYY-MM-DD");
    }
  }

  private static String text(String source, Object value, String where) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw fail(source, where + ": expected a non-empty text, found '" + value + "'");
    }
    return text.strip();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String source, Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw fail(source, where + ": expected a mapping, found '" + value + "'");
    }
    return (Map<String, Object>) map;
  }

  private static void checkKeys(
      String source, Map<String, Object> map, Set<String> allowed, Set<String> required, String where) {
    Set<Object> unknown = new LinkedHashSet<>(map.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw fail(source, where + ": unknown key(s) " + unknown + ", allowed are " + new TreeSet<>(allowed));
    }
    for (String key : required) {
      if (map.get(key) == null) {
        throw fail(source, where + ": '" + key + "' is missing");
      }
    }
  }

  private static IllegalStateException fail(String source, String message) {
    return new IllegalStateException("Holiday data file " + source + ": " + message);
  }

  /**
   * A safe YAML loader that leaves dates as text (SnakeYAML would turn them into {@code java.util.Date}
   * at midnight UTC) and rejects duplicate keys.
   */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumperOptions = new DumperOptions();
    Resolver resolver =
        new Resolver() {
          @Override
          public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
              super.addImplicitResolver(tag, regexp, first, limit);
            }
          }
        };
    return new Yaml(
        new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, resolver);
  }
}
