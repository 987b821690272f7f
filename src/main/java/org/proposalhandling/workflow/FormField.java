package org.proposalhandling.workflow;

import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A field of a deployed Camunda Form, and what a value submitted for it may be: what Tasklist submits for the
 * field's type. A REST client may send any type for any field (the integer 5 as an opinion, stored as 「5」),
 * so each value is checked against the form before a listener reads it.
 *
 * @param options a select's or radio's fixed values; empty where the options come from a variable (valuesKey),
 *     which the form's listener checks against the app's records
 */
record FormField(String key, String label, String type, List<String> options) {

  /** Why the value cannot be this field's, in Chinese naming the field; null when it can. */
  String refusal(Object value) {
    if (value == null || value instanceof String text && text.isBlank() && !type.equals("checkbox")) {
      return null;
    }
    return switch (type) {
      case "textfield", "textarea" -> value instanceof String ? null : expected("文字", value);
      case "number" -> value instanceof Number ? null : expected("数字", value);
      case "checkbox" -> value instanceof Boolean ? null : expected("是或否（true 或 false）", value);
      case "select", "radio" -> choice(value);
      case "datetime" -> date(value) ? null : expected("日期（如 2025-03-01）", value);
      case "taglist", "checklist" -> value instanceof SpinJsonNode json && json.isArray() || value instanceof Collection<?>
          || value instanceof String ? null : expected("选项列表", value);
      default -> null;
    };
  }

  private String choice(Object value) {
    if (!(value instanceof String text)) {
      return expected("所列选项之一", value);
    }
    if (!options.isEmpty() && !options.contains(text)) {
      return "「" + label + "」的取值“" + TextLength.abbreviate(text, 50) + "”无效，可选：" + String.join("、", options) + "。";
    }
    return null;
  }

  /** Tasklist's date fields submit text; the REST API's Date type is a Date. */
  private static boolean date(Object value) {
    if (value instanceof Date) {
      return true;
    }
    if (!(value instanceof String text)) {
      return false;
    }
    try {
      FormValues.isoDate(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private String expected(String kind, Object value) {
    return "「" + label + "」应为" + kind + "，提交的却是" + kindOf(value) + "：" + TextLength.abbreviate(String.valueOf(value), 50) + "。";
  }

  private static String kindOf(Object value) {
    if (value instanceof String) {
      return "文字";
    }
    if (value instanceof Number) {
      return "数字";
    }
    if (value instanceof Boolean) {
      return "是否值";
    }
    if (value instanceof Date) {
      return "日期";
    }
    if (value instanceof SpinJsonNode || value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return "列表或对象";
    }
    return "其他类型的值";
  }
}
