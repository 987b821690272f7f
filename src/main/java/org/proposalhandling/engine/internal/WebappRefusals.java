package org.proposalhandling.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist's calls of the webapps' own copy of the engine API (/camunda/api/engine) get the same answers to an
 * error as the engine REST API (see {@link ClientErrorMapper}): a refused form 400 with the Chinese message alone,
 * any other error its status and a Chinese message ({@link EngineRefusals}). That copy takes no error mappers of
 * the app's: it answered a 500 whose message wrapped ours in the engine's English ("Cannot submit task form …:
 * ENGINE-03051 …"), and the engine's English for every other refusal, which Tasklist showed as it was.
 */
@Configuration(proxyBeanMethods = false)
class WebappRefusals {

  private static final String API = "/camunda/api/engine/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappRefusalFilter(EngineRefusals refusals, IdentityService identity) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        FormValidationException.forgetRaised();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        FormValidationException refused = FormValidationException.takeRaised();
        String type = typeOf(buffered.getContentAsByteArray());
        // A refusal of ours answered before the engine saw the request (SubmittedVariablesGuard) is in Chinese already.
        boolean answered = refused == null && "FormValidationException".equals(type);
        if (buffered.getStatus() < HttpServletResponse.SC_BAD_REQUEST || answered || response.isCommitted()) {
          buffered.copyBodyToResponse();
          return;
        }
        EngineRefusals.Answer answer = refused != null
            ? new EngineRefusals.Answer(HttpServletResponse.SC_BAD_REQUEST, "FormValidationException", refused.getMessage())
            : asUser(identity, () -> refusals.to(type, buffered.getStatus(), request.getMethod(), pathBelowApi(request)));
        buffered.resetBuffer();
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of("type", answer.type(), "message", answer.message()));
      }
    });
    registration.setName("webapp-refusals");
    registration.addUrlPatterns(API + "*");
    return registration;
  }

  /** The engine's exception type in its answer's body ({"type": ..., "message": ...}); empty for another body. */
  private static String typeOf(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? "" : json.path("type").asText("");
    } catch (IOException notJson) {
      return "";
    }
  }

  private static String pathBelowApi(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length() + API.length());
  }

  /** The webapps' own filter has cleared the engine's user by now: what he may see is looked up as him again. */
  private static EngineRefusals.Answer asUser(IdentityService identity, java.util.function.Supplier<EngineRefusals.Answer> lookup) {
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(CurrentUser.get());
    try {
      return lookup.get();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }
}
