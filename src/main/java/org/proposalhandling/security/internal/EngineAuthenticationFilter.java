package org.proposalhandling.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.security.CurrentUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the length of one request, the engine acts as the user Spring Security authenticated (his groups
 * included), so that the engine's authorizations apply to the REST API and the app's own API; cleared after,
 * so that no pooled thread keeps him.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = CurrentUser.get();
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(user);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
