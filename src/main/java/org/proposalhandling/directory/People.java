package org.proposalhandling.directory;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Service;

/**
 * Who holds a role in a unit, to address mail to them. The directory is read as the system: a handler whose
 * step causes a mail may not list users himself.
 */
@Service
public class People {

  /** A person to write to; the name in Chinese order, family name first. */
  public record Person(String id, String name, String email) {
  }

  private final IdentityService identity;
  private final SystemActions system;

  People(IdentityService identity, SystemActions system) {
    this.identity = identity;
    this.system = system;
  }

  /** The members of a group who have an e-mail address. */
  public List<Person> withEmailIn(String groupId) {
    return system.run(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()).stream()
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .map(user -> new Person(user.getId(), nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName()), user.getEmail()))
        .toList();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
