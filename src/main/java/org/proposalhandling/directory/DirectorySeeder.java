package org.proposalhandling.directory;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.proposalhandling.platform.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the units of seeds/units.yaml in every environment: the unit rows, a Camunda group per unit and
 * per role, and what each role may do. Running it again changes nothing.
 */
@Component
@Order(1)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectorySeeder implements ApplicationRunner {

  static final String PROCESS_KEY = "proposal-handling";
  private static final Logger LOG = LoggerFactory.getLogger(DirectorySeeder.class);

  private final UnitDirectory units;
  private final IdentityService identity;
  private final Grants grants;
  private final TaskFilters filters;
  private final List<String> unitFiles;

  DirectorySeeder(UnitDirectory units, IdentityService identity, Grants grants, TaskFilters filters,
                  DirectoryProperties properties) {
    this.units = units;
    this.identity = identity;
    this.grants = grants;
    this.filters = filters;
    this.unitFiles = java.util.stream.Stream.concat(java.util.stream.Stream.of("units.yaml"),
        properties.additionalUnits().stream().filter(file -> !file.isBlank())).toList();
  }

  record UnitSeeds(List<Unit> units) {
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    List<Unit> seeds = unitFiles.stream().flatMap(file -> Seeds.yaml(file, UnitSeeds.class).units().stream()).toList();
    for (Unit unit : seeds) {
      units.save(unit);
      ensureGroup(unit.id(), unit.name(), "UNIT");
      List<Role> roles = unit.assigningOffice() ? List.of(Role.CLERK) : List.of(Role.HANDLER, Role.HEAD, Role.OFFICIAL);
      for (Role role : roles) {
        String groupId = role.groupOf(unit.id());
        ensureGroup(groupId, unit.name() + " " + role.label(), "ROLE");
        grantWork(groupId, role);
        filters.share(groupId, role);
      }
    }
    LOG.info("单位目录已加载：{} 个单位，用时 {} ms", seeds.size(), (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Every role works in Tasklist and reads the process model; what it reads of the items is granted per item
   * (see ProcessAccess). The assigning office registers items and follows them in Cockpit.
   */
  private void grantWork(String groupId, Role role) {
    grants.grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    grants.grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, READ);
    if (role == Role.CLERK) {
      grants.grant(groupId, Resources.APPLICATION, "cockpit", ACCESS);
      grants.grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, CREATE_INSTANCE);
      grants.grant(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group != null && name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    if (group == null) {
      group = identity.newGroup(id);
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }
}
