package org.proposalhandling.demo.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalhandling.directory.People;
import org.proposalhandling.sms.MobileNumbers;
import org.proposalhandling.directory.Role;
import org.proposalhandling.platform.Seeds;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users of seeds/demo/users.yaml, all with the password "demo". Only in the demo profile. */
@Component
@Profile("demo")
@Order(2)
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  record DemoUser(String id, String lastName, String firstName, String unit, List<Role> roles, String phone,
                  String mobile) {
  }

  record UserSeeds(List<DemoUser> users) {
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser seed : Seeds.yaml("demo/users.yaml", UserSeeds.class).users()) {
      if (identity.createUserQuery().userId(seed.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(seed.id());
      // Tasklist shows "first last"; a Chinese name reads family name first, so the whole name goes first.
      user.setFirstName(seed.lastName() + seed.firstName());
      user.setLastName("");
      user.setEmail(seed.id() + "@demo.local");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(seed.id(), seed.unit());
      seed.roles().forEach(role -> identity.createMembership(seed.id(), role.groupOf(seed.unit())));
      if (seed.phone() != null) {
        identity.setUserInfo(seed.id(), People.PHONE, seed.phone());
      }
      if (seed.mobile() != null) {
        identity.setUserInfo(seed.id(), People.MOBILE, MobileNumbers.require(seed.mobile()));
      }
    }
  }
}
