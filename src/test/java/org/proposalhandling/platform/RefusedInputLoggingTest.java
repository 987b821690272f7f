package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** A form refused by validation is logged as one warning line; a real error of the engine stays an ERROR. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputLoggingTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;

  @Test
  void aRefusedFormIsOneWarningLineWithoutStackTrace(CapturedOutput output) {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance item = driver.register("L" + System.nanoTime());
    int before = output.getAll().length();

    assertThatThrownBy(() -> driver.complete(item, "Task_AcceptanceReview", Map.of("decision", "reject")))
        .hasStackTraceContaining("不予立案时须填写理由");

    String logged = output.getAll().substring(before);
    assertThat(logged.lines().filter(line -> line.contains("不予立案时须填写理由")))
        .singleElement().asString().contains(" WARN ", "Refused input");
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ").doesNotContain("\tat ");
  }

  @Test
  void anyOtherExceptionInTheEngineIsStillAnErrorWithItsStackTrace(CapturedOutput output) {
    int before = output.getAll().length();
    Command<Void> failing = context -> {
      throw new IllegalStateException("真正的故障");
    };

    assertThatThrownBy(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(failing)).hasMessage("真正的故障");

    String logged = output.getAll().substring(before);
    assertThat(logged).contains(" ERROR ", "ENGINE-16004", "真正的故障", "\tat ");
  }
}
