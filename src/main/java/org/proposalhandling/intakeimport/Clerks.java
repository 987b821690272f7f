package org.proposalhandling.intakeimport;

import org.camunda.bpm.engine.IdentityService;
import org.proposalhandling.directory.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Who is asking, from the engine's current authentication (which security's EngineAuthenticationFilter sets
 * for the signed-in user and for HTTP Basic alike): only an assigning office's clerk imports and assigns.
 */
@Component
public class Clerks {

  public static class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message);
    }
  }

  private final IdentityService identity;
  private final UnitDirectory units;

  Clerks(IdentityService identity, UnitDirectory units) {
    this.identity = identity;
    this.units = units;
  }

  public Clerk current() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAllowedException("请先登录。");
    }
    return units.assigningOfficeOf(authentication).map(office -> new Clerk(authentication.getUserId(), office))
        .orElseThrow(() -> new NotAllowedException("只有交办机构的交办员可以批量导入和批量交办建议提案。"));
  }
}
