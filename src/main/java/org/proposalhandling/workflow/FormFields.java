package org.proposalhandling.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The fields of the Camunda Forms deployed with a process: the keys a user may submit with a task or a
 * start. Read from the deployment the process definition belongs to (so an older instance keeps the fields
 * of its own forms), parsed once per deployment.
 */
@Component
public class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final Map<String, Map<String, Set<String>>> byDeployment = new ConcurrentHashMap<>();

  FormFields(RepositoryService repository) {
    this.repository = repository;
  }

  /** The keys of the form with this id in the deployment of this process definition. */
  public Set<String> of(String processDefinitionId, String formId) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    Set<String> keys = byDeployment.computeIfAbsent(deploymentId, this::read).get(formId);
    if (keys == null) {
      throw new IllegalStateException("No form " + formId + " in deployment " + deploymentId);
    }
    return keys;
  }

  private Map<String, Set<String>> read(String deploymentId) {
    Map<String, Set<String>> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode form = JSON.readTree(in);
          Set<String> keys = new LinkedHashSet<>();
          collectKeys(form, keys);
          forms.put(form.path("id").asText(), Set.copyOf(keys));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read form " + resource, e);
        }
      }
    }
    return forms;
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }
}
