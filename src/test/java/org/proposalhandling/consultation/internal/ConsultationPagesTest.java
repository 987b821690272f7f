package org.proposalhandling.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The consultation's pages refuse what they must, saying why, and keep nothing of it: a unit outside the
 * consultation, a handling without its reason, a robot's hidden field, a client over its hourly limit, a
 * comment after the closing day. Run on a day of its own in the past, so that its public comments count
 * against no other test's limit.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ConsultationPagesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ConsultationStart start;
  @Autowired Comments comments;
  @Autowired Consultations consultations;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void outsidersHandlingWithoutReasonRobotsFloodsAndLateCommentsAreRefusedAndNothingIsKept() {
    ConsultationDriver.at("2025-03-03T09:00");
    ConsultationDriver driver = new ConsultationDriver(engine, start);
    String id = driver.started("拒绝举措" + System.nanoTime(), LocalDate.of(2025, 3, 14));
    driver.answer(id, "jl-cz", "建议明确资金来源。");

    WebSession outsider = new WebSession(port);
    outsider.login("czmz-handler", "demo");
    HttpResponse<String> hidden = outsider.get("/consultations/" + id);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain("拒绝举措");

    WebSession drafter = new WebSession(port);
    drafter.login("jlmz-handler", "demo");
    String page = drafter.get("/consultations/" + id).body();
    String commentId = comments.of(id).get(0).id();
    HttpResponse<String> noReason = drafter.postForm("/consultations/" + id + "/comments/" + commentId + "/handling",
        Map.of("_csrf", WebSession.csrfOf(page), "handling", "NOT_ADOPTED", "reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(302);
    assertThat(drafter.get("/consultations/" + id).body()).contains("「未采纳」须说明理由。");
    assertThat(comments.of(id).get(0).handling()).isNull();

    ConsultationDriver.UNITS.stream().filter(unit -> !unit.equals("jl-cz")).forEach(unit -> driver.answer(id, unit, null));
    driver.executeJobs(id);
    comments.handle(commentId, Comment.Handling.ADOPTED, null, "jlmz-handler");
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "PUBLIC", "publicCloses", "2025-04-30"));
    driver.executeJobs(id);

    WebSession visitor = new WebSession(port);
    String form = visitor.get("/public/consultations/" + id).body();
    HttpResponse<String> robot = visitor.postForm("/public/consultations/" + id + "/comments", Map.of("_csrf", WebSession.csrfOf(form),
        "body", "机器人的意见", "answer", ConsultationProcessTest.answer(form), "challengeToken", ConsultationProcessTest.token(form), "website", "http://spam"));
    assertThat(robot.statusCode()).isEqualTo(400);
    int limit = 5;
    for (int i = 0; i < limit; i++) {
      form = visitor.get("/public/consultations/" + id).body();
      assertThat(post(visitor, id, form, "意见" + i).statusCode()).isEqualTo(200);
    }
    form = visitor.get("/public/consultations/" + id).body();
    HttpResponse<String> flood = post(visitor, id, form, "超出的意见");
    assertThat(flood.statusCode()).isEqualTo(429);
    assertThat(flood.body()).contains("一小时内提交的意见已达 5 条", "超出的意见");

    ConsultationDriver.at("2025-05-01T09:00");
    HttpResponse<String> late = post(visitor, id, form, "过期的意见");
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(late.body()).contains("已于 2025-04-30 截止");
    assertThat(comments.of(id).stream().filter(comment -> comment.source() == Source.PUBLIC).map(Comment::body))
        .hasSize(limit).doesNotContain("机器人的意见", "超出的意见", "过期的意见");
  }

  @Test
  void aDraftTitleThatSaysItIsADraftSaysItOnceOnThePublicPage() {
    String title = "吉林省养老服务条例" + System.nanoTime() + "（征求意见稿）";
    String id = inPublicRound(title);
    assertThat(new WebSession(port).get("/public/consultations/" + id).body())
        .contains("起草了《" + title + "》，现向社会公开征求意见").doesNotContain("（征求意见稿）》（征求意见稿）");
  }

  @Test
  void theDraftingUnitAloneSeesAPublicCommentersContact() {
    String title = "社区助餐办法" + System.nanoTime();
    String id = inPublicRound(title);
    // Stored as the page stores it, from a client of its own: the other test counts this client's comments.
    String commentId = comments.addPublicComment(id, consultations.get(id).round(), "王𠮷", "13900001111", "建议增加社区助餐点。",
        "contact-test-client");
    comments.moderate(commentId, Comment.Moderation.SHOWN);

    WebSession drafter = new WebSession(port);
    drafter.login("jlmz-handler", "demo");
    assertThat(drafter.get("/consultations/" + id).body()).contains("联系方式（仅供本单位联系，不公开）", "13900001111");
    WebSession consulted = new WebSession(port);
    consulted.login("jlcz-handler", "demo");
    assertThat(consulted.get("/consultations/" + id).body()).contains(title).doesNotContain("13900001111");
    assertThat(new WebSession(port).get("/public/consultations/" + id).body()).contains("建议增加社区助餐点。")
        .doesNotContain("13900001111");
  }

  /** A consultation of the three units, none commenting, now in its public round until 2025-07-31. */
  private String inPublicRound(String title) {
    ConsultationDriver.at("2025-06-02T09:00");
    ConsultationDriver driver = new ConsultationDriver(engine, start);
    String id = driver.started(title, LocalDate.of(2025, 6, 13));
    ConsultationDriver.UNITS.forEach(unit -> driver.answer(id, unit, null));
    driver.executeJobs(id);
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "PUBLIC", "publicCloses", "2025-07-31"));
    driver.executeJobs(id);
    return id;
  }

  @Test
  void aDrafterIsOfferedTheOtherUnitsOfItsProvinceAndAUnitOfAnotherIsRefused() {
    WebSession drafter = new WebSession(port);
    drafter.login("jlmz-handler", "demo");
    String page = drafter.get("/consultations/new").body();
    assertThat(page).contains("value=\"jl-cz\"", "value=\"jl-wjw\"", "value=\"jl-yjj\"")
        .doesNotContain("name=\"unitIds\" value=\"jl-mz\"", "value=\"cz-mz\"");

    String title = "跨省征求" + System.nanoTime();
    HttpResponse<String> refused = drafter.postForm("/consultations", Map.of("_csrf", WebSession.csrfOf(page), "title", title,
        "draftingUnitId", "jl-mz", "body", "第一条 总则。", "unitIds", "cz-mz",
        "commentDue", EngineClock.today().plusDays(10).toString()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("「长治市民政局」不是吉林省人民政府办公厅辖区内的单位，只能征求本辖区其他单位的意见。");
    assertThat(consultations.involving(java.util.Set.of("jl-mz")).stream().map(Consultation::title)).doesNotContain(title);
  }

  private static HttpResponse<String> post(WebSession visitor, String id, String form, String body) {
    return visitor.postForm("/public/consultations/" + id + "/comments", Map.of("_csrf", WebSession.csrfOf(form),
        "body", body, "answer", ConsultationProcessTest.answer(form), "challengeToken", ConsultationProcessTest.token(form)));
  }
}
