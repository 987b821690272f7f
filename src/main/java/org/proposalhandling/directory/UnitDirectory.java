package org.proposalhandling.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;

/**
 * The units known to the system, which office covers which units, and which assigning office a user works
 * for. Units are reference data, loaded from seeds/units.yaml at start: they are read from memory, never
 * queried per row of a list.
 */
@Service
public class UnitDirectory {

  private final JdbcClient jdbc;
  /** All units by id, replaced whole when a unit is saved: readers never see it half loaded. */
  private volatile Map<String, Unit> byId;

  UnitDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Unit> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(units().get(id));
  }

  public Unit get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No unit " + id));
  }

  public Optional<Unit> findByName(String name) {
    return units().values().stream().filter(unit -> unit.name().equals(name)).findFirst();
  }

  /** The one unit of this office's jurisdiction that goes by this short name; none when two or none do. */
  public Optional<Unit> findByShortName(String shortName, String officeId) {
    List<Unit> named = jurisdictionOf(officeId).stream().filter(unit -> shortName.equals(unit.shortName())).toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  public String nameOf(String id) {
    return id == null ? null : find(id).map(Unit::name).orElse(id);
  }

  /** Every unit, offices and handling units, by name. */
  public List<Unit> all() {
    return sorted(units().values());
  }

  /** Units that can lead or co-handle an item, in a stable order for the forms. */
  public List<Unit> handlingUnits() {
    return sorted(units().values().stream().filter(unit -> !unit.assigningOffice()).toList());
  }

  /** The handling units an assigning office may assign items to. */
  public List<Unit> jurisdictionOf(String officeId) {
    return handlingUnits().stream().filter(unit -> officeId.equals(unit.officeId())).toList();
  }

  /** Whether this office may assign items to this unit. */
  public boolean inJurisdiction(String officeId, String unitId) {
    return find(unitId).filter(unit -> !unit.assigningOffice() && officeId.equals(unit.officeId())).isPresent();
  }

  /** The assigning office whose clerk this user is, if any. */
  public Optional<Unit> assigningOfficeOf(Authentication authentication) {
    return unitsOf(authentication, Role.CLERK).stream().filter(Unit::assigningOffice).findFirst();
  }

  /**
   * The units a user works for, from his Camunda groups: the unit's own group ("jl-mz") or any of its role
   * groups ("jl-mz-handler"), each unit once.
   */
  public List<Unit> unitsWorkedFor(Authentication authentication) {
    if (authentication == null || authentication.getGroupIds() == null) {
      return List.of();
    }
    return authentication.getGroupIds().stream()
        .map(group -> find(group).or(() -> Arrays.stream(Role.values()).map(role -> role.unitOf(group))
            .filter(unitId -> unitId != null).findFirst().flatMap(this::find)))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /** The units in which the user holds this role, from his groups. */
  public List<Unit> unitsOf(Authentication authentication, Role role) {
    if (authentication == null || authentication.getGroupIds() == null) {
      return List.of();
    }
    return authentication.getGroupIds().stream()
        .map(role::unitOf)
        .filter(unitId -> unitId != null)
        .flatMap(unitId -> find(unitId).stream())
        .toList();
  }

  void save(Unit unit) {
    int updated = jdbc.sql("""
            update unit set name = ?, short_name = ?, document_prefix = ?, assigning_office = ?, office_id = ?,
              organisation_code = ?
            where id = ?""")
        .params(unit.name(), unit.shortName(), unit.documentPrefix(), unit.assigningOffice(), unit.officeId(),
            unit.organisationCode(), unit.id())
        .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into unit (id, name, short_name, document_prefix, assigning_office, office_id, organisation_code)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(unit.id(), unit.name(), unit.shortName(), unit.documentPrefix(), unit.assigningOffice(),
              unit.officeId(), unit.organisationCode())
          .update();
    }
    byId = null;
    // And again when the saving transaction ends: a page read meanwhile (the directory is seeded after the app
    // has started to answer) cached the units as they were before the commit.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          byId = null;
        }
      });
    }
  }

  private Map<String, Unit> units() {
    Map<String, Unit> units = byId;
    if (units == null) {
      units = jdbc.sql("select id, name, short_name, document_prefix, assigning_office, office_id, organisation_code from unit")
          .query(Unit.class).list().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Unit::id, unit -> unit));
      byId = units;
    }
    return units;
  }

  private static List<Unit> sorted(Collection<Unit> units) {
    return units.stream().sorted(Comparator.comparing(Unit::name)).toList();
  }
}
