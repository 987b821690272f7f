package org.proposalhandling.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;

/** The demo started while its mail catcher's port is taken says so in one Chinese line, and how to choose another. */
@AppLayer
class MailPortTakenTest {

  @TempDir Path directory;

  @Test
  @Timeout(240)
  void theAppNamesTheTakenPortAndTheSettingToChooseAnother() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
         AppProcess app = AppProcess.startDemo(directory, taken.getLocalPort())) {
      int port = taken.getLocalPort();

      assertThat(app.awaitExit(Duration.ofSeconds(180))).isNotZero();

      // Spring Boot's failure report: the line stands alone under "Description:".
      assertThat(app.output())
          .containsPattern("(?m)^演示邮件服务器无法启动：端口 " + port + " 已被占用。请用 spring.mail.port（环境变量 SPRING_MAIL_PORT）"
              + "换一个空闲端口，例如 SPRING_MAIL_PORT=\\d+ mvn spring-boot:run。$")
          .doesNotContain("server startup timeout")
          .doesNotContain("\tat org.proposalhandling");
    }
  }
}
