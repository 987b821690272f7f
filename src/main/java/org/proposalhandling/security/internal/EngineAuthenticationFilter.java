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

  /**
   * A mail link's page acts by its token, for the link's holder, whoever is signed in in the same browser: as the
   * signed-in clerk, the official's link read its task under the clerk's authorizations and answered 无权签发.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/links/");
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
