package org.proposalhandling.platform;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers only to authenticated users (HTTP Basic, in the security module's filter chain);
 * authorizations then limit what each sees. A refused form answers 400 with its Chinese message.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

  @Bean
  ResourceConfigCustomizer formValidationErrors() {
    return config -> config.register(FormValidationExceptionMapper.ForRestException.class)
        .register(FormValidationExceptionMapper.ForProcessEngineException.class);
  }
}
