package org.proposalhandling.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one sign-in form, in Chinese, for the app's pages and the Camunda webapps alike. */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login() {
    return "security/login";
  }
}
