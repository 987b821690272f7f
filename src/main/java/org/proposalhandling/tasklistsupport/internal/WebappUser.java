package org.proposalhandling.tasklistsupport.internal;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The user logged in to the Camunda webapps. Their AuthenticationFilter (on /camunda/api/*) puts the session's
 * authentications on the thread; a browser script has no HTTP Basic credentials to send to /api.
 */
@Component
class WebappUser {

  private final String engineName;

  WebappUser(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  Optional<UserAuthentication> current() {
    Authentications authentications = Authentications.getCurrent();
    return Optional.ofNullable(authentications)
        .map(all -> all.getAuthenticationForProcessEngine(engineName))
        .filter(UserAuthentication.class::isInstance)
        .map(UserAuthentication.class::cast);
  }
}
