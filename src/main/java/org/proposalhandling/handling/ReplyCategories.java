package org.proposalhandling.handling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.proposalhandling.item.ItemKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The reply categories each kind of item may take (proposals.reply-categories in application.yaml).
 * By default deputies' suggestions take A/B/C/D, as in the national NPC rules, and proposals A/B/C, as in
 * most CPPCC rules, which fold "kept for reference" into C.
 */
@ConfigurationProperties("proposals")
public class ReplyCategories {

  static final Map<String, String> LABELS = Map.of(
      "A", "A类：已解决或基本解决（已采纳）",
      "B", "B类：正在解决或已列入计划",
      "C", "C类：因条件限制暂不能解决",
      "D", "D类：留作参考");

  /**
   * The reply categories (A to D) each kind of item may take, by kind; by default A/B/C/D for
   * DEPUTY_SUGGESTION and A/B/C for the kinds of proposal.
   */
  private final Map<ItemKind, List<String>> replyCategories = new EnumMap<>(ItemKind.class);

  public ReplyCategories() {
    for (ItemKind kind : ItemKind.values()) {
      replyCategories.put(kind, kind == ItemKind.DEPUTY_SUGGESTION ? List.of("A", "B", "C", "D") : List.of("A", "B", "C"));
    }
  }

  public Map<ItemKind, List<String>> getReplyCategories() {
    return replyCategories;
  }

  public List<String> of(ItemKind kind) {
    return replyCategories.get(kind);
  }

  /** The options of a form's 答复类别 select (its valuesKey), in order: the drafter's and the office's review. */
  public JsonValue formOptions(ItemKind kind) {
    List<Map<String, String>> options = of(kind).stream()
        .map(code -> Map.of("label", labelOf(code), "value", code)).toList();
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }

  public static String labelOf(String code) {
    return code == null ? "" : LABELS.getOrDefault(code, code + "类");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ReplyCategories.class)
  static class Registration {
  }
}
