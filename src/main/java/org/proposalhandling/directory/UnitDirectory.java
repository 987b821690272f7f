package org.proposalhandling.directory;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The units known to the system, and which assigning office a user works for. */
@Service
public class UnitDirectory {

  private final JdbcClient jdbc;

  UnitDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Unit> find(String id) {
    return jdbc.sql("select * from unit where id = ?").param(id).query(Unit.class).optional();
  }

  public Unit get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No unit " + id));
  }

  public Optional<Unit> findByName(String name) {
    return jdbc.sql("select * from unit where name = ?").param(name).query(Unit.class).optional();
  }

  public String nameOf(String id) {
    return id == null ? null : find(id).map(Unit::name).orElse(id);
  }

  /** Units that can lead or co-handle an item, in a stable order for the forms. */
  public List<Unit> handlingUnits() {
    return jdbc.sql("select * from unit where assigning_office = false order by name").query(Unit.class).list();
  }

  /** The assigning office whose clerk this user is, if any. */
  public Optional<Unit> assigningOfficeOf(Authentication authentication) {
    if (authentication == null || authentication.getGroupIds() == null) {
      return Optional.empty();
    }
    return authentication.getGroupIds().stream()
        .map(Role.CLERK::unitOf)
        .filter(unitId -> unitId != null)
        .flatMap(unitId -> find(unitId).stream())
        .filter(Unit::assigningOffice)
        .findFirst();
  }

  void save(Unit unit) {
    int updated = jdbc.sql("update unit set name = ?, document_prefix = ?, assigning_office = ? where id = ?")
        .params(unit.name(), unit.documentPrefix(), unit.assigningOffice(), unit.id()).update();
    if (updated == 0) {
      jdbc.sql("insert into unit (id, name, document_prefix, assigning_office) values (?, ?, ?, ?)")
          .params(unit.id(), unit.name(), unit.documentPrefix(), unit.assigningOffice()).update();
    }
  }
}
