package org.proposalhandling.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the system rather than as the user whose step caused it: reading the directory to
 * address a mail, starting the mail's dispatch. Authorizations rightly stop a handler from listing users or
 * starting processes himself; the system does these on its own behalf, then the user's identity returns.
 */
@Component
public class SystemActions {

  private final IdentityService identity;

  SystemActions(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T run(Supplier<T> action) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
