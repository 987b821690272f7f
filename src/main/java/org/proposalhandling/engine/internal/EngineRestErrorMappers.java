package org.proposalhandling.engine.internal;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces the engine REST API's own exception mappers (registered at a higher priority, @Priority(1)): errors
 * answer with their status and a Chinese message ({@link ClientErrorMapper}). Who may call the API is the
 * security module's (HTTP Basic in its filter chain); the engine's authorizations then limit what each sees.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrorMappers {

  @Bean
  EngineRefusals engineRefusals(TaskService tasks) {
    return new EngineRefusals(tasks);
  }

  @Bean
  ResourceConfigCustomizer clientErrors(EngineRefusals refusals) {
    return config -> config.register(new ClientErrorMapper.ForRestException(refusals))
        .register(new ClientErrorMapper.ForProcessEngineException(refusals))
        .register(new ClientErrorMapper.ForAnyOther(refusals));
  }
}
