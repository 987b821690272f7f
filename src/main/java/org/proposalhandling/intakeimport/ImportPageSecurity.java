package org.proposalhandling.intakeimport;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import pages ask for the same HTTP Basic login as /api, against the engine's users, which puts the user
 * in the engine's current authentication as the pages expect. Until the app has one login for all its pages;
 * then this goes.
 */
@Configuration(proxyBeanMethods = false)
class ImportPageSecurity {

  @Bean
  FilterRegistrationBean<Filter> importPageAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("import-page-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/imports", "/imports/*");
    return registration;
  }
}
