package org.proposalhandling.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A drafter of 吉林省民政厅 is offered every other unit of the province and none of 长治; the demo's consultation,
 * seed 004's draft, asks 25 of them, as the real one did.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoConsultationTest {

  private static final Pattern OFFERED = Pattern.compile("name=\"unitIds\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Consultations consultations;
  @Autowired UnitDirectory units;

  @Test
  void theDrafterIsOfferedEveryOtherUnitOfItsJurisdictionOnly() {
    WebSession drafter = new WebSession(port);
    drafter.login("jlmz-handler", "demo");
    List<String> offered = OFFERED.matcher(drafter.get("/consultations/new").body()).results().map(match -> match.group(1)).toList();

    List<String> othersOfTheProvince = units.jurisdictionOf("jl-gov").stream().map(Unit::id).filter(id -> !id.equals("jl-mz")).toList();
    assertThat(offered).containsExactlyInAnyOrderElementsOf(othersOfTheProvince).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void theDemoConsultationAsksTwentyFiveUnitsOfTheProvinceForComments() {
    Consultation demo = consultations.involving(List.of("jl-mz")).stream()
        .filter(consultation -> consultation.title().startsWith("贯彻落实《中共中央办公厅")).findFirst().orElseThrow();

    assertThat(demo.stage()).isEqualTo(Stage.COMMENTING);
    assertThat(consultations.units(demo.id(), 1)).hasSize(25)
        .allMatch(consulted -> units.inJurisdiction("jl-gov", consulted.unitId()) && !consulted.unitId().equals("jl-mz"));
  }
}
