package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile, a start with an empty or default administrator password is refused. The check
 * runs on the environment before any bean exists; starting a second application in the test JVM would
 * disturb the application contexts the other tests share, so the check is called as Spring Boot calls it.
 */
class AdminPasswordCheckTest {

  private final AdminPasswordCheck check = new AdminPasswordCheck();

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "demo", "admin", "Camunda", "123456"})
  void aProductionStartWithADefaultPasswordFailsWithAClearMessage(String password) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", password);
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("拒绝启动").hasMessageContaining("ADMIN_PASSWORD");
  }

  @Test
  void aPasswordEqualToTheUserNameIsRefusedToo() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "chief")
        .withProperty("camunda.bpm.admin-user.password", "chief");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null)).hasMessageContaining("拒绝启动");
  }

  @Test
  void aStrongPasswordStartsAndTheDemoProfileKeepsItsDemoPassword() {
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "Xk9-long-unique"), null)).doesNotThrowAnyException();
    MockEnvironment demo = new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "demo");
    demo.setActiveProfiles("demo");
    assertThatCode(() -> check.postProcessEnvironment(demo, null)).doesNotThrowAnyException();
  }
}
