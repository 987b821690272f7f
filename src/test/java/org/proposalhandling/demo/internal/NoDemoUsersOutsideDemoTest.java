package org.proposalhandling.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Outside the demo profile the sign-in page names no user and no password. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NoDemoUsersOutsideDemoTest {

  @LocalServerPort int port;

  @Test
  void theSignInPageNamesNoDemoUser() {
    String page = new WebSession(port).get("/login").body();

    assertThat(page).contains("name=\"username\"").doesNotContain("演示用户", "jlgov-clerk", "刘敏", "demo");
  }
}
