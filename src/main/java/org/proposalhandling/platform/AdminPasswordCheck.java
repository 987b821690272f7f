package org.proposalhandling.platform;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the app refuses to start with an empty or well-known administrator password,
 * before anything is created with it. Registered in META-INF/spring.factories.
 */
class AdminPasswordCheck implements EnvironmentPostProcessor {

  private static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "camunda", "password", "123456", "12345678",
      "changeme", "secret");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String user = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank() || WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT)) || password.equalsIgnoreCase(user)) {
      throw new IllegalStateException("拒绝启动：管理员（" + user + "）的密码为空或是默认密码。"
          + "请用环境变量 ADMIN_PASSWORD 设置一个强密码（ADMIN_USER 为管理员账号，默认 admin），见 README。"
          + " Refusing to start: the administrator password is empty or a well-known default; set ADMIN_PASSWORD.");
    }
  }
}
