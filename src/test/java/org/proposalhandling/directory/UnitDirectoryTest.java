package org.proposalhandling.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The directory of seeds/units.yaml, loaded in every environment: 吉林省's departments and the central units in
 * the province under the provincial government's office, 长治市's bureaus under the city's, each unit with its
 * groups.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitDirectoryTest {

  @Autowired UnitDirectory units;
  @Autowired IdentityService identity;

  @Test
  void eachOfficeHasTheUnitsOfItsOwnJurisdictionByTheirOfficialNames() {
    List<Unit> jilin = units.jurisdictionOf("jl-gov");
    List<Unit> changzhi = units.jurisdictionOf("cz-gov");

    assertThat(jilin).hasSizeBetween(40, 60);
    assertThat(jilin).extracting(Unit::name).contains("吉林省民政厅", "吉林省财政厅", "吉林省卫生健康委员会",
        "吉林省人力资源和社会保障厅", "吉林银保监局", "国家税务总局吉林省税务局").noneMatch(name -> name.startsWith("长治"));
    assertThat(changzhi).hasSizeGreaterThanOrEqualTo(20);
    assertThat(changzhi).extracting(Unit::name).contains("长治市民政局", "长治市财政局").allMatch(name -> name.startsWith("长治市"));
    assertThat(units.handlingUnits()).hasSize(jilin.size() + changzhi.size());
    assertThat(units.handlingUnits()).allMatch(unit -> unit.documentPrefix() != null);
  }

  @Test
  void eachUnitHasItsGroupAndTheGroupsOfItsRoles() {
    for (Unit unit : units.all()) {
      List<Role> roles = unit.assigningOffice() ? List.of(Role.CLERK) : List.of(Role.HANDLER, Role.HEAD, Role.OFFICIAL);
      assertThat(identity.createGroupQuery().groupId(unit.id()).count()).as(unit.id()).isOne();
      for (Role role : roles) {
        assertThat(identity.createGroupQuery().groupId(role.groupOf(unit.id())).singleResult().getName())
            .isEqualTo(unit.name() + " " + role.label());
      }
    }
  }
}
