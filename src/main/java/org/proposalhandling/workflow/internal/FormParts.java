package org.proposalhandling.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Parts that several Camunda Forms share, written once in {@code forms/parts/NAME.json} (an object whose
 * {@code components} are the part's) and put into each form where it has a placeholder: a component with the
 * custom property {@code part: NAME}, e.g. the item's header that opens every item's form. A form in
 * {@code forms/} is thus valid on its own (Camunda Modeler shows the placeholder); the engine only ever gets
 * the assembled form, see {@link FormDeployment}.
 */
public final class FormParts {

  /** The custom property of a placeholder component: the name of the part that replaces it. */
  public static final String PART = "part";

  private FormParts() {
  }

  /**
   * A copy of the form with every placeholder, nested ones too, replaced by the components of its part.
   *
   * @param parts the part of a name; fails (or returns null) for a part that does not exist
   */
  public static JsonNode assemble(JsonNode form, Function<String, JsonNode> parts) {
    ObjectNode assembled = form.deepCopy();
    replacePlaceholders(assembled, parts);
    return assembled;
  }

  private static void replacePlaceholders(ObjectNode parent, Function<String, JsonNode> parts) {
    if (!parent.path("components").isArray()) {
      return;
    }
    ArrayNode components = parent.arrayNode();
    for (JsonNode component : parent.get("components")) {
      String part = component.path("properties").path(PART).asText("");
      if (part.isEmpty()) {
        if (component instanceof ObjectNode nested) {
          replacePlaceholders(nested, parts);
        }
        components.add(component);
        continue;
      }
      JsonNode replacement = parts.apply(part);
      if (replacement == null || !replacement.path("components").isArray()) {
        throw new IllegalStateException("No form part \"" + part + "\" with components (forms/parts/" + part + ".json)");
      }
      replacement.get("components").forEach(partComponent -> components.add(partComponent.deepCopy()));
    }
    parent.set("components", components);
  }
}
