package org.proposalhandling.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The office's filter of all open tasks says that it counts tasks, also where it was created under its former name. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFiltersTest {

  @Autowired TaskFilters filters;
  @Autowired FilterService filterService;

  @Test
  void theFilterOfAFormerNameIsRenamedNotDoubled() {
    // As an earlier version created it (its grants, made by id, stay).
    Filter former = filterService.createTaskFilterQuery().filterName("全部在办任务").singleResult();
    former.setName("全部在办");
    former.setProperties(Map.of("description", "本机构交办的所有在办任务"));
    String formerId = filterService.saveFilter(former).getId();

    assertThat(filters.filterIdsByRole().get(Role.CLERK)).contains(formerId);

    assertThat(filterService.createTaskFilterQuery().filterName("全部在办").count()).isZero();
    Filter renamed = filterService.createTaskFilterQuery().filterName("全部在办任务").singleResult();
    assertThat(renamed.getId()).isEqualTo(formerId);
    assertThat((String) renamed.getProperties().get("description")).contains("在办办件数见工作台");
  }
}
