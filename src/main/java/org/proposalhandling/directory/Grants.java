package org.proposalhandling.directory;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Adds permissions to a group's grant on a resource, creating the grant if needed (granting twice changes nothing), and removes grants. */
@Component
class Grants {

  private final AuthorizationService authorizations;

  Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    // By the whole of the engine's unique key (type, group, resource type, resource): a look-up in that index
    // whatever plan the database chose while the table was small. Without the type, H2 walked the group's rows
    // (50,000 for the office's clerks at a national session).
    Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
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

  /** Removes every grant of these groups on the resource. */
  void revoke(List<String> groupIds, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().groupIdIn(groupIds.toArray(String[]::new)).resourceType(resource)
        .resourceId(resourceId).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }
}
