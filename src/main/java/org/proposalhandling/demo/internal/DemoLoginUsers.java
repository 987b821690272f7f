package org.proposalhandling.demo.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.proposalhandling.demo.internal.DemoUsers.UserSeeds;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.platform.Seeds;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The demo users on the sign-in page (security's pages only), so that a visitor knows whom to sign in as.
 * Only in the demo profile: elsewhere the page names nobody.
 */
@ControllerAdvice(basePackages = "org.proposalhandling.security")
@Profile("demo")
class DemoLoginUsers {

  record Entry(String id, String name, String unit, String roles) {
  }

  private final UnitDirectory units;

  DemoLoginUsers(UnitDirectory units) {
    this.units = units;
  }

  @ModelAttribute("demoPassword")
  String password() {
    return DemoUsers.PASSWORD;
  }

  @ModelAttribute("demoUsers")
  List<Entry> users() {
    return Seeds.yaml("demo/users.yaml", UserSeeds.class).users().stream()
        .map(user -> new Entry(user.id(), user.lastName() + user.firstName(), units.nameOf(user.unit()),
            user.roles().stream().map(Role::label).collect(Collectors.joining("、"))))
        .toList();
  }
}
