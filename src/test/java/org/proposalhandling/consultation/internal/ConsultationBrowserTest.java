package org.proposalhandling.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a browser: the drafter starts a consultation from its page; a member of the public comments on the
 * public page without login, the comment is held for moderation, and appears once the drafter lets it
 * through on the consultation's page.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ConsultationBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ConsultationStart start;
  @Autowired Consultations consultations;
  @Autowired Comments comments;
  Browser drafter;
  Browser visitor;

  @BeforeEach
  void openBrowsers() {
    drafter = new Browser();
    visitor = new Browser();
  }

  @AfterEach
  void closeBrowsers() {
    drafter.close();
    visitor.close();
  }

  @Test
  void aPublicCommentIsHeldForModerationThenShown() {
    String title = "浏览器举措" + System.nanoTime();
    drafter.open(url("/consultations"));
    drafter.login("jlmz-handler", "demo");
    drafter.visible(By.id("start")).click();
    drafter.visible(By.name("title")).sendKeys(title);
    drafter.driver().findElement(By.name("body")).sendKeys("第一条 总则。\n第二条 基本养老服务清单。");
    for (String unit : ConsultationDriver.UNITS) {
      drafter.driver().findElement(By.cssSelector("input[name='unitIds'][value='" + unit + "']")).click();
    }
    String due = EngineClock.today().plusDays(15).toString();
    ((org.openqa.selenium.JavascriptExecutor) drafter.driver())
        .executeScript("document.querySelector(\"input[name='commentDue']\").value = arguments[0];", due);
    drafter.screenshot("consultation-new");
    drafter.driver().findElement(By.cssSelector("#new-consultation button[type='submit']")).click();
    drafter.waitForText(By.id("stage"), "征求部门意见中");
    String id = drafter.driver().getCurrentUrl().replaceAll(".*/consultations/", "");
    assertThat(consultations.get(id).title()).isEqualTo(title);

    ConsultationDriver driver = new ConsultationDriver(engine, start);
    driver.executeJobs(id);
    ConsultationDriver.UNITS.forEach(unit -> driver.answer(id, unit, null));
    driver.executeJobs(id);
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "PUBLIC",
        "publicCloses", EngineClock.today().plusDays(31).toString()));
    driver.executeJobs(id);

    visitor.open(url("/public/consultations/" + id));
    visitor.visible(By.id("body")).sendKeys("建议将高龄津贴的发放年龄降至 75 周岁。");
    visitor.driver().findElement(By.id("author")).sendKeys("王女士");
    visitor.driver().findElement(By.id("answer"))
        .sendKeys(ConsultationProcessTest.answer(visitor.driver().getPageSource()));
    visitor.screenshot("consultation-public-form");
    visitor.driver().findElement(By.id("submit")).click();
    visitor.waitForText(By.id("held"), "审核后公开");
    visitor.screenshot("consultation-public-received");

    List<Comment> held = comments.of(id).stream().filter(comment -> comment.source() == Source.PUBLIC).toList();
    assertThat(held).singleElement().satisfies(comment -> {
      assertThat(comment.moderation()).isEqualTo(Moderation.PENDING);
      assertThat(comment.author()).isEqualTo("王女士");
    });
    visitor.open(url("/public/consultations/" + id));
    assertThat(visitor.visible(By.id("shown-comments")).getText()).contains("暂无公开的意见").doesNotContain("75 周岁");

    drafter.open(url("/consultations/" + id));
    assertThat(drafter.visible(By.id("public-comments")).getText()).contains("75 周岁", "待审核");
    drafter.screenshot("consultation-moderation");
    drafter.driver().findElement(By.cssSelector("#public-comments button[value='SHOWN']")).click();
    drafter.waitForText(By.id("notice"), "已审核：已公开");

    visitor.open(url("/public/consultations/" + id));
    assertThat(visitor.visible(By.id("shown-comments")).getText()).contains("建议将高龄津贴的发放年龄降至 75 周岁。");
    visitor.screenshot("consultation-public-shown");
  }

  @Test
  void aUnitAnswersInTasklistAndAnEmptyAnswerIsRefusedInChinese() {
    ConsultationDriver driver = new ConsultationDriver(engine, start);
    String id = driver.started("任务表单举措" + System.nanoTime(), EngineClock.today().plusDays(15));
    String task = driver.commentTask(id, "jl-cz").getId();

    drafter.open(url("/camunda/app/tasklist/default/"));
    drafter.login("jlcz-handler", "demo");
    drafter.waitForText(By.cssSelector("body"), "本单位待办");
    drafter.open(url("/camunda/app/tasklist/default/#/?task=" + task));
    drafter.visible(By.cssSelector("button.claim")).click();
    drafter.waitForText(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "征求意见稿");
    assertThat(drafter.formValues()).contains("第一条 总则。", "吉林省财政厅");
    drafter.visible(By.xpath("//button[contains(normalize-space(.),'办理完成')]")).click();
    drafter.waitForText(By.cssSelector(".page-notifications"), "请填写「意见」");
    assertThat(drafter.visible(By.cssSelector(".page-notifications")).getText()).doesNotContain("ENGINE-", "Cannot submit");
    drafter.screenshot("consultation-tasklist-refused");

    drafter.type("意见", "建议明确资金来源。");
    pause(); // form-js takes typed text into its state after a debounce: a click at once would submit the empty field.
    // The refusal's notice lies over the button until it fades: clicked as a script, not at its place.
    ((org.openqa.selenium.JavascriptExecutor) drafter.driver()).executeScript("arguments[0].click();",
        drafter.visible(By.xpath("//button[contains(normalize-space(.),'办理完成')]")));
    drafter.waitUntil(() -> driver.commentTask(id, "jl-cz") == null);
    assertThat(comments.of(id)).singleElement().satisfies(comment -> assertThat(comment.body()).isEqualTo("建议明确资金来源。"));
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
