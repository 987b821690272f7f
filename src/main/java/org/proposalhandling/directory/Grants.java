package org.proposalhandling.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /** A permission a group is to hold on a resource. */
  record Wanted(String groupId, Resource resource, String resourceId, Permission permission) {
  }

  /**
   * Grants all of these, reading the grants of each resource once instead of once per group, and saving only
   * those that change: the directory's 82 units want 1,900 grants at each start, and the look-up per grant
   * was half of the seeding's engine commands. The read goes by the resource's id (the engine's index on it):
   * the directory's resources (applications, the process, the filters) have a grant per group, not per item.
   */
  void grantAll(List<Wanted> wanted) {
    Map<List<Object>, List<Wanted>> byResource = wanted.stream().collect(Collectors.groupingBy(
        grant -> List.of(grant.resource().resourceType(), grant.resourceId()), LinkedHashMap::new, Collectors.toList()));
    for (List<Wanted> onResource : byResource.values()) {
      Wanted first = onResource.get(0);
      Map<String, Authorization> existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .resourceType(first.resource()).resourceId(first.resourceId()).list().stream()
          .filter(authorization -> authorization.getGroupId() != null)
          .collect(Collectors.toMap(Authorization::getGroupId, Function.identity()));
      onResource.stream().collect(Collectors.groupingBy(Wanted::groupId, LinkedHashMap::new, Collectors.toList()))
          .forEach((groupId, grants) -> {
            Authorization authorization = existing.get(groupId);
            boolean changed = authorization == null;
            if (changed) {
              authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
              authorization.setGroupId(groupId);
              authorization.setResource(first.resource());
              authorization.setResourceId(first.resourceId());
            }
            for (Wanted grant : grants) {
              if (!authorization.isPermissionGranted(grant.permission())) {
                authorization.addPermission(grant.permission());
                changed = true;
              }
            }
            if (changed) {
              authorizations.saveAuthorization(authorization);
            }
          });
    }
  }

  /** Removes every grant of these groups on the resource. */
  void revoke(List<String> groupIds, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().groupIdIn(groupIds.toArray(String[]::new)).resourceType(resource)
        .resourceId(resourceId).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }
}
