package org.proposalhandling.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * The auto-deployment (camunda.bpm.deployment-resource-pattern) with each form assembled from its parts
 * ({@link FormParts}) on the way: the engine, Tasklist and {@link FormFields} see whole forms, while
 * {@code forms/} holds the item's header once. The BPMN models deploy as they are; camunda:formRef names the
 * form's id, which assembling keeps.
 */
@Configuration(proxyBeanMethods = false)
class FormDeployment {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARTS = "forms/parts/";

  @Bean
  CamundaDeploymentConfiguration assemblingDeploymentConfiguration() {
    return new DefaultDeploymentConfiguration() {
      @Override
      public Set<Resource> getDeploymentResources() {
        return super.getDeploymentResources().stream()
            .map(resource -> resource.getFilename() != null && resource.getFilename().endsWith(".form")
                ? assembled(resource) : resource)
            .collect(Collectors.toSet());
      }
    };
  }

  private static Resource assembled(Resource form) {
    try {
      JsonNode whole = FormParts.assemble(read(form), part -> read(new ClassPathResource(PARTS + part + ".json")));
      return new AssembledForm(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(whole), form.getFilename());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot assemble form " + form, e);
    }
  }

  private static JsonNode read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** An assembled form, deployed under forms/NAME.form (the engine names a deployed resource by its path). */
  private static final class AssembledForm extends ByteArrayResource implements ContextResource {

    private final String filename;

    AssembledForm(byte[] content, String filename) {
      super(content, "assembled form " + filename);
      this.filename = filename;
    }

    @Override
    public String getFilename() {
      return filename;
    }

    @Override
    public String getPathWithinContext() {
      return "forms/" + filename;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof AssembledForm form && form.filename.equals(filename) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return filename.hashCode();
    }
  }
}
