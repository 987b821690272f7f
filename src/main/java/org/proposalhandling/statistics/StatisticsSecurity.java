package org.proposalhandling.statistics;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistics answer only to users the engine knows, with HTTP Basic as the engine REST API does: the filter
 * sets the engine's current authentication (user and groups) for the request, which decides the scope, and
 * answers 401 to anyone else. Until the app has one login for its pages.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsSecurity {

  @Bean
  FilterRegistrationBean<Filter> statisticsAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("statistics-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/statistics", "/statistics/*", "/statistics.xlsx");
    return registration;
  }
}
