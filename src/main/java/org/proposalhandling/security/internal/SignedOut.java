package org.proposalhandling.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After signing out: a webapp's logout call (a script) gets an empty 200 and its page then goes to the login
 * form; the app's 退出 button goes to the login form at once.
 */
class SignedOut implements LogoutSuccessHandler {

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.getWriter().write("{}");
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login?logout");
  }
}
