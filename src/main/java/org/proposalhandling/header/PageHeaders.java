package org.proposalhandling.header;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The header of the page being drawn, asked for by the header's template itself ({@code @pageHeaders}), not put
 * in each controller's model: the pages an exception handler or Spring Boot's error controller draws get it too.
 */
@Component("pageHeaders")
class PageHeaders {

  private final People people;
  private final UnitDirectory directory;

  PageHeaders(People people, UnitDirectory directory) {
    this.people = people;
    this.directory = directory;
  }

  /** The signed-in user's header; null for a visitor (the header then offers the login). */
  public PageHeader current() {
    Authentication user = CurrentUser.get();
    if (user == null) {
      return null;
    }
    String name = people.contact(user.getUserId()).map(People.Contact::name).orElse(user.getUserId());
    String units = directory.unitsWorkedFor(user).stream().map(Unit::name).collect(Collectors.joining("、"));
    return new PageHeader(name, units, Arrays.stream(Section.values()).filter(section -> section.opensTo(user, directory)).toList());
  }
}
