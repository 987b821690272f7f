package org.proposalhandling.platform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers only to authenticated users; authorizations then limit what each sees.
 * A refused form answers 400 with its Chinese message.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

  @Bean
  ResourceConfigCustomizer formValidationErrors() {
    return config -> config.register(FormValidationExceptionMapper.ForRestException.class)
        .register(FormValidationExceptionMapper.ForProcessEngineException.class);
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    // The engine REST API, and the app's own small API (/api, e.g. a unit's extension request).
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    return registration;
  }
}
