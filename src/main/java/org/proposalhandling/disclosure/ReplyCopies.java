package org.proposalhandling.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.CopyProperties.Committee;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The copies (抄送) of an item's reply as the office configures them (proposals.letter.copies): the letter prints
 * their names at its foot, and the delivery mails each one that has an address.
 */
@Component
@EnableConfigurationProperties(CopyProperties.class)
public class ReplyCopies {

  /** One copy: the name the letter prints, and the addresses it is mailed to (none: on paper). */
  public record Copy(String name, List<String> emails) {
  }

  private final CopyProperties properties;
  private final ItemRepository items;
  private final UnitDirectory units;
  private final People people;

  ReplyCopies(CopyProperties properties, ItemRepository items, UnitDirectory units, People people) {
    this.properties = properties;
    this.items = items;
    this.units = units;
    this.people = people;
  }

  /** The assigning office first, always, then those the office configured. */
  public List<Copy> of(Item item) {
    List<Copy> copies = new ArrayList<>();
    copies.add(unit(item.assigningOfficeId(), Role.CLERK));
    for (CopyProperties.Copied copied : properties.copies()) {
      switch (copied) {
        case CO_HANDLING_UNITS -> items.coHandlingUnitIds(item.id()).forEach(unit -> copies.add(unit(unit, Role.HANDLER)));
        case COMMITTEE -> Optional.ofNullable(properties.committees().get(item.kind())).map(ReplyCopies::committee)
            .ifPresent(copies::add);
      }
    }
    return copies;
  }

  private Copy unit(String unitId, Role role) {
    return new Copy(units.nameOf(unitId), people.withEmailIn(role.groupOf(unitId)).stream().map(Person::email).toList());
  }

  private static Copy committee(Committee committee) {
    return new Copy(committee.name(), committee.email() == null || committee.email().isBlank()
        ? List.of() : List.of(committee.email().strip()));
  }
}
