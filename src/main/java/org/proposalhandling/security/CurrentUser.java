package org.proposalhandling.security;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as the engine and the app's services know him: his id and his Camunda groups, from the
 * one login. Null when nobody is signed in.
 */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static Authentication get() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Authentication of(org.springframework.security.core.Authentication signedIn) {
    if (signedIn == null || !signedIn.isAuthenticated() || signedIn.getName() == null
        || signedIn instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
      return null;
    }
    List<String> groups = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return new Authentication(signedIn.getName(), groups);
  }
}
