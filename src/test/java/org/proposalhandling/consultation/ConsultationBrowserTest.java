package org.proposalhandling.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.proposalhandling.Browser;
import org.proposalhandling.consultation.Comment.Moderation;
import org.proposalhandling.consultation.Comment.Source;
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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
