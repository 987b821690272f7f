package org.proposalhandling.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The values a user submitted with a form, with the checks every form needs. Each failed check names
 * the field in Chinese. A task's values are read from its local variables (see {@link FormTaskListener}).
 */
public final class FormValues {

  private final Function<String, Object> values;

  private FormValues(Function<String, Object> values) {
    this.values = values;
  }

  public static FormValues ofTask(DelegateTask task) {
    return new FormValues(task::getVariableLocal);
  }

  public static FormValues of(VariableScope scope) {
    return new FormValues(scope::getVariable);
  }

  public String text(String key) {
    Object value = values.apply(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), EngineClock.zone()).toString();
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  public String requiredText(String key, String label) {
    String text = text(key);
    if (text == null) {
      throw new FormValidationException("请填写「" + label + "」。");
    }
    return text;
  }

  public String requiredChoice(String key, String label, Collection<String> allowed) {
    String value = text(key);
    if (value == null) {
      throw new FormValidationException("请选择「" + label + "」。");
    }
    if (!allowed.contains(value)) {
      throw new FormValidationException("「" + label + "」的取值“" + value + "”无效，可选：" + String.join("、", allowed) + "。");
    }
    return value;
  }

  public String optionalText(String key, String label, int maxLength) {
    return TextLength.atMost(text(key), label, maxLength);
  }

  public LocalDate optionalDate(String key, String label) {
    return text(key) == null ? null : requiredDate(key, label);
  }

  public boolean checked(String key) {
    Object value = values.apply(key);
    return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
  }

  public LocalDate requiredDate(String key, String label) {
    String text = requiredText(key, label);
    try {
      return isoDate(text);
    } catch (DateTimeParseException e) {
      throw new FormValidationException("「" + label + "」不是有效日期：" + text + "。");
    }
  }

  /** A date as form-js date fields submit it, ISO; Tasklist may add a time part. */
  static LocalDate isoDate(String text) {
    String stripped = text.strip();
    return LocalDate.parse(stripped.length() > 10 ? stripped.substring(0, 10) : stripped);
  }

  /** A multi-value field: Tasklist submits JSON arrays, the REST API may send a list or a comma-separated text. */
  public List<String> list(String key) {
    Object value = values.apply(key);
    List<String> values = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> values.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    } else if (value != null && !value.toString().isBlank()) {
      for (String part : value.toString().replaceAll("[\\[\\]\"]", "").split("[,，、]")) {
        values.add(part.strip());
      }
    }
    values.removeIf(String::isBlank);
    return List.copyOf(values);
  }
}
