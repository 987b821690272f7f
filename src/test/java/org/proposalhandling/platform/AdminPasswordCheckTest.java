package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.proposalhandling.support.ModelLayer;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile, a start with a weak administrator password is refused, saying why in Chinese.
 * The check runs on the environment before any bean exists; starting a second application in the test JVM
 * would disturb the application contexts the other tests share, so the check is called as Spring Boot calls it.
 */
@ModelLayer
class AdminPasswordCheckTest {

  private final AdminPasswordCheck check = new AdminPasswordCheck();

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "1", "demo", "admin", "Camunda", "camunda1", "123456", "Short-pass1"})
  void aProductionStartWithAnEmptyOrShortPasswordFailsWithAClearMessage(String password) {
    assertThatThrownBy(() -> check.postProcessEnvironment(production("admin", password), null))
        .hasMessageContaining("拒绝启动").hasMessageContaining("ADMIN_PASSWORD").hasMessageContaining("至少 12 个字符")
        .hasMessageMatching("(?s).*(为空|少于 12 个).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password1234", "Camunda2024!!", "administrator", "123456789012", "qwertyuiop123",
      "Changeme-2025", "............"})
  void aLongButWellKnownPasswordIsRefusedToo(String password) {
    assertThatThrownBy(() -> check.postProcessEnvironment(production("admin", password), null))
        .hasMessageContaining("拒绝启动").hasMessageContaining("常见密码");
  }

  @ParameterizedTest
  @CsvSource({"chief-officer, chief-officer", "chief-officer, Chief-Officer2024", "someone, aaaaaaaaaaaaaaa"})
  void aPasswordThatIsTheUserNameOrOneRepeatedCharacterIsRefused(String user, String password) {
    assertThatThrownBy(() -> check.postProcessEnvironment(production(user, password), null))
        .hasMessageContaining("拒绝启动").hasMessageMatching("(?s).*(与账号相同|同一个字符).*");
  }

  @ParameterizedTest
  @CsvSource({"admin, adminadminadmin", "admin, AdminAdminAdmin2024", "chief, chiefchiefchief!"})
  void aPasswordThatIsTheUserNameRepeatedIsRefused(String user, String password) {
    assertThatThrownBy(() -> check.postProcessEnvironment(production(user, password), null))
        .hasMessageContaining("拒绝启动").hasMessageContaining("账号重复");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcabcabcabc", "Xk9!Xk9!Xk9!", "马上马上马上马上马上马上", "passwordpassword"})
  void aPasswordThatIsAShortPieceRepeatedIsRefused(String password) {
    assertThatThrownBy(() -> check.postProcessEnvironment(production("admin", password), null))
        .hasMessageContaining("拒绝启动").hasMessageMatching("(?s).*(重复组成|常见单词重复).*");
  }

  @Test
  void aStrongPasswordStartsAndTheDemoProfileKeepsItsDemoPassword() {
    assertThatCode(() -> check.postProcessEnvironment(production("admin", "Xk9-long-unique"), null))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.postProcessEnvironment(production("admin", "马上就要下雪了，带把伞吧"), null))
        .doesNotThrowAnyException();
    MockEnvironment demo = new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "demo");
    demo.setActiveProfiles("demo");
    assertThatCode(() -> check.postProcessEnvironment(demo, null)).doesNotThrowAnyException();
  }

  private static MockEnvironment production(String user, String password) {
    return new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", user)
        .withProperty("camunda.bpm.admin-user.password", password);
  }
}
