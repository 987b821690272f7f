package org.proposalhandling.directory;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.proposalhandling.platform.Seeds;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the units of seeds/units.yaml in every environment: the unit rows, a Camunda group per unit and
 * per role, and what each role may do. Running it again changes nothing.
 */
@Component
@Order(1)
class DirectorySeeder implements ApplicationRunner {

  static final String PROCESS_KEY = "proposal-handling";

  private final UnitDirectory units;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  DirectorySeeder(UnitDirectory units, IdentityService identity, AuthorizationService authorizations) {
    this.units = units;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  record UnitSeeds(List<Unit> units) {
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    for (Unit unit : Seeds.yaml("units.yaml", UnitSeeds.class).units()) {
      units.save(unit);
      ensureGroup(unit.id(), unit.name(), "UNIT");
      List<Role> roles = unit.assigningOffice() ? List.of(Role.CLERK) : List.of(Role.HANDLER, Role.HEAD, Role.OFFICIAL);
      for (Role role : roles) {
        String groupId = role.groupOf(unit.id());
        ensureGroup(groupId, unit.name() + " " + role.label(), "ROLE");
        grantWorkInTasklist(groupId);
        if (role == Role.CLERK) {
          grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, CREATE_INSTANCE);
          grant(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
        }
      }
    }
  }

  private void grantWorkInTasklist(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    grant(groupId, Resources.FILTER, "*", READ);
    grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, READ, READ_HISTORY);
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
