package org.proposalhandling.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The fields of the Camunda Forms deployed with a process: the keys a user may submit with a task or a
 * start, and what each value may be ({@link FormField}). Read from the deployment the process definition
 * belongs to (so an older instance keeps the fields of its own forms), parsed once per deployment.
 */
@Component
public class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final Map<String, Map<String, Map<String, FormField>>> byDeployment = new ConcurrentHashMap<>();

  FormFields(RepositoryService repository) {
    this.repository = repository;
  }

  /** The keys of the form with this id in the deployment of this process definition. */
  public Set<String> of(String processDefinitionId, String formId) {
    return fields(processDefinitionId, formId).keySet();
  }

  /**
   * Refuses the submission, in Chinese naming the field, when a value is not of its field's type: the first
   * such field in the form's order. A start form's values and a task's are checked alike.
   */
  public void refuseMistypedValues(String processDefinitionId, String formId, Function<String, Object> submitted) {
    for (FormField field : fields(processDefinitionId, formId).values()) {
      String refusal = field.refusal(submitted.apply(field.key()));
      if (refusal != null) {
        throw new FormValidationException(refusal);
      }
    }
  }

  /** The fields, by key, of the form with this id in the deployment of this process definition. */
  Map<String, FormField> fields(String processDefinitionId, String formId) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    Map<String, FormField> fields = byDeployment.computeIfAbsent(deploymentId, this::read).get(formId);
    if (fields == null) {
      throw new IllegalStateException("No form " + formId + " in deployment " + deploymentId);
    }
    return fields;
  }

  private Map<String, Map<String, FormField>> read(String deploymentId) {
    Map<String, Map<String, FormField>> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode form = JSON.readTree(in);
          Map<String, FormField> fields = new LinkedHashMap<>();
          collectFields(form, fields);
          forms.put(form.path("id").asText(), Collections.unmodifiableMap(fields));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read form " + resource, e);
        }
      }
    }
    return forms;
  }

  private static void collectFields(JsonNode node, Map<String, FormField> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        // form-js shows a date field's dateLabel; its label is empty.
        String label = component.path("label").asText(component.path("dateLabel").asText(key));
        fields.put(key, new FormField(key, label, component.path("type").asText(), List.copyOf(options)));
      }
      collectFields(component, fields);
    }
  }
}
