package org.proposalhandling.directory;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    Map<String, Group> groups = identity.createGroupQuery().list().stream().collect(Collectors.toMap(Group::getId, group -> group));
    Map<Role, List<String>> filterIds = filters.filterIdsByRole();
    List<Grants.Wanted> wanted = new ArrayList<>();
    for (Unit unit : seeds) {
      units.save(unit);
      ensureGroup(groups, unit.id(), unit.name(), "UNIT");
      List<Role> roles = unit.assigningOffice() ? List.of(Role.CLERK) : List.of(Role.HANDLER, Role.HEAD, Role.OFFICIAL);
      for (Role role : roles) {
        String groupId = role.groupOf(unit.id());
        ensureGroup(groups, groupId, unit.name() + " " + role.label(), "ROLE");
        wanted.addAll(work(groupId, role));
        filterIds.get(role).forEach(filterId -> wanted.add(new Grants.Wanted(groupId, Resources.FILTER, filterId, READ)));
      }
    }
    grants.grantAll(wanted);
    LOG.info("单位目录已加载：{} 个单位，用时 {} ms", seeds.size(), (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Every role works in Tasklist and reads the process model; what it reads of the items is granted per item
   * (see ProcessAccess). The assigning office registers items and follows them in Cockpit.
   */
  private static List<Grants.Wanted> work(String groupId, Role role) {
    List<Grants.Wanted> work = new ArrayList<>(List.of(
        new Grants.Wanted(groupId, Resources.APPLICATION, "tasklist", ACCESS),
        new Grants.Wanted(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, READ)));
    if (role == Role.CLERK) {
      work.add(new Grants.Wanted(groupId, Resources.APPLICATION, "cockpit", ACCESS));
      work.add(new Grants.Wanted(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, CREATE_INSTANCE));
      work.add(new Grants.Wanted(groupId, Resources.PROCESS_INSTANCE, "*", CREATE));
    }
    return work;
  }

  private void ensureGroup(Map<String, Group> existing, String id, String name, String type) {
    Group group = existing.get(id);
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
