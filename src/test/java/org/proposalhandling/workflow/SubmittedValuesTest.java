package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a client submits with a form, on the running app's engine and its H2 database: lengths are counted in
 * characters, so a name or title of rare characters outside the Basic Multilingual Plane (𠮷, two UTF-16 units)
 * fits its limit; and each value must have its form field's type, refused in Chinese naming the field.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SubmittedValuesTest {

  static final String YOSHI = "𠮷";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired JdbcClient jdbc;

  @Test
  void aTitleOf500RareCharactersIsRegisteredAnd501AreRefused() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake("L" + System.nanoTime());
    form.put("title", YOSHI.repeat(500));
    form.put("proposerName", YOSHI.repeat(200));
    // A co-signer's name at its limit, other than the lead proposer's.
    form.put("coSigners", YOSHI.repeat(199) + "乙");
    ProcessInstance instance = driver.register(form);

    var item = items.get(instance.getBusinessKey());
    assertThat(item.title()).isEqualTo(YOSHI.repeat(500));
    assertThat(item.proposerName()).isEqualTo(YOSHI.repeat(200));
    assertThat(item.coSigners()).singleElement().extracting(coSigner -> coSigner.name()).isEqualTo(YOSHI.repeat(199) + "乙");
    driver.complete(instance, "Task_AcceptanceReview", Map.of("decision", "reject", "rejectionReason", YOSHI.repeat(2000)));
    driver.executeJobs(instance);
    assertThat(items.get(instance.getBusinessKey()).rejectionReason()).isEqualTo(YOSHI.repeat(2000));

    Map<String, Object> tooLong = ItemDriver.intake("L" + System.nanoTime());
    tooLong.put("title", YOSHI.repeat(501));
    assertThatThrownBy(() -> driver.register(tooLong)).hasMessageContaining("「标题」不能超过 500 个字（现有 501 个字）");
  }

  @Test
  void anOpinionSentAsANumberIsRefusedNamingTheFieldAndNothingIsStored() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = driver.register("T" + System.nanoTime());
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    Task opinion = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_CoHandlingOpinion").taskCandidateGroup("jl-cz-handler").singleResult();
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");

    Response refused = finance.post("/task/" + opinion.getId() + "/submit-form", EngineRestClient.variables(Map.of("opinion", 5)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("「会办意见」应为文字，提交的却是数字：5");
    assertThat(jdbc.sql("select count(*) from co_handling_opinion where item_id = ?").param(instance.getBusinessKey())
        .query(Integer.class).single()).isZero();

    Response accepted = finance.post("/task/" + opinion.getId() + "/submit-form", EngineRestClient.variables(Map.of("opinion", "5")));
    assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(204);
  }

  @Test
  void aCheckboxARadioAndADateRefuseValuesOfOtherTypes() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = driver.register("T" + System.nanoTime());
    assertThatThrownBy(() -> driver.complete(instance, "Task_AcceptanceReview", Map.of("decision", 1)))
        .hasMessageContaining("「审查意见」应为所列选项之一，提交的却是数字：1");
    driver.accept(instance);

    Map<String, Object> assignment = new HashMap<>(Map.of("leadUnit", "jl-mz",
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(List.of())).create(), "keyItem", "yes"));
    assertThatThrownBy(() -> driver.complete(instance, "Task_Assignment", assignment))
        .hasMessageContaining("「重点督办」应为是或否（true 或 false），提交的却是文字：yes");
    assignment.put("keyItem", true);
    driver.complete(instance, "Task_Assignment", assignment);

    assertThatThrownBy(() -> driver.complete(instance, "Task_ContactRecord", Map.of("contactedOn", 20230301,
        "contactMeans", "PHONE", "contactSummary", "电话联系。")))
        .hasMessageContaining("「联系日期」应为日期（如 2025-03-01），提交的却是数字：20230301");
    assertThatThrownBy(() -> driver.complete(instance, "Task_ContactRecord", Map.of("contactedOn", "2023-03-01",
        "contactMeans", "FAX", "contactSummary", "电话联系。")))
        .hasMessageContaining("「联系方式」的取值“FAX”无效");
    driver.recordContact(instance);
    assertThat(items.get(instance.getBusinessKey()).keyItem()).isTrue();
  }

  @Test
  void aStartFormsTitleSentAsANumberIsRefusedNamingTheFieldAndNothingIsRegistered() {
    String number = "S" + System.nanoTime();
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.remove("assigningOffice");  // the clerk's office comes from who he is
    form.put("title", 5);
    EngineRestClient clerk = new EngineRestClient(port, "jlgov-clerk", "demo");

    Response refused = clerk.post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form));

    assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("「标题」应为文字，提交的却是数字：5");
    assertThat(jdbc.sql("select count(*) from item where item_number = ?").param(number).query(Integer.class).single()).isZero();
  }
}
