package org.proposalhandling.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In the demo profile the sign-in page names the demo users, their units and roles, and their password. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoLoginUsersTest {

  @LocalServerPort int port;

  @Test
  void theSignInPageListsEachDemoUserWithUnitRoleAndThePassword() {
    String page = new WebSession(port).get("/login").body();

    assertThat(page).contains("演示用户（密码均为 <code>demo</code>）");
    assertThat(page).containsSubsequence("<code>jlgov-clerk</code>", "刘敏", "吉林省人民政府办公厅", "交办员");
    assertThat(page).containsSubsequence("<code>jlmz-official</code>", "孙立新", "吉林省民政厅", "负责人");
    assertThat(page).containsSubsequence("<code>czmz-handler</code>", "延思超", "长治市民政局", "承办人");
  }
}
