package org.proposalhandling.engine;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers only to authenticated users (HTTP Basic, in the security module's filter chain);
 * authorizations then limit what each sees. Errors answer with their status and a Chinese message
 * (ClientErrorMapper).
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
