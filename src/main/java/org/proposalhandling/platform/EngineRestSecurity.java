package org.proposalhandling.platform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers only to authenticated users; authorizations then limit what each sees.
 * Errors the client caused answer with their status and a Chinese message (ClientErrorMapper).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

  @Bean
  ResourceConfigCustomizer clientErrors(TaskService tasks) {
    return config -> config.register(new ClientErrorMapper.ForRestException(tasks))
        .register(new ClientErrorMapper.ForProcessEngineException(tasks));
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
