package org.proposalhandling.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist's calls that change something (/camunda/api/engine, the webapps' own copy of the engine API) get
 * the same answer to a refused form as the engine REST API (see {@link ClientErrorMapper}): 400 with the
 * Chinese message alone. That copy takes no error mappers of the app's, and answered a 500 whose message
 * wrapped ours in the engine's English ("Cannot submit task form …: ENGINE-03051 …"), which Tasklist showed
 * as it was.
 */
@Configuration(proxyBeanMethods = false)
class WebappRefusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappRefusalFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
          chain.doFilter(request, response);
          return;
        }
        FormValidationException.forgetRaised();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        FormValidationException refused = FormValidationException.takeRaised();
        if (refused != null && buffered.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
          buffered.resetBuffer();
          response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          response.setContentType("application/json;charset=UTF-8");
          JSON.writeValue(response.getOutputStream(), Map.of("type", "FormValidationException", "message", refused.getMessage()));
          return;
        }
        buffered.copyBodyToResponse();
      }
    });
    registration.setName("webapp-refusals");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }
}
