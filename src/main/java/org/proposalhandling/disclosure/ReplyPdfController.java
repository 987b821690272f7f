package org.proposalhandling.disclosure;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The signed reply letter of a round, for the item's page to link to: /items/{id}/reply-{round}.pdf.
 * Only the item's assigning office and its units (lead and co-handling) get it; anyone else, and a round
 * without a signed reply, gets 404, so that the answer does not tell whether the item exists.
 */
@Controller
class ReplyPdfController {

  private final ItemRepository items;
  private final ReplyLetterSource letters;
  private final IdentityService identity;

  ReplyPdfController(ItemRepository items, ReplyLetterSource letters, IdentityService identity) {
    this.items = items;
    this.letters = letters;
    this.identity = identity;
  }

  @GetMapping("/items/{id}/reply-{round}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable int round) {
    Item item = items.find(id).orElse(null);
    if (item == null || !mayRead(identity.getCurrentAuthentication(), item)) {
      return ResponseEntity.notFound().build();
    }
    return letters.find(id, round).map(letters::download).orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** The user works for the item's office or one of its units: he is in the unit's group or one of its role groups. */
  private boolean mayRead(Authentication user, Item item) {
    if (user == null || user.getGroupIds() == null) {
      return false;
    }
    Set<String> readers = new HashSet<>(items.coHandlingUnitIds(item.id()));
    readers.add(item.assigningOfficeId());
    if (item.leadUnitId() != null) {
      readers.add(item.leadUnitId());
    }
    return user.getGroupIds().stream().anyMatch(group -> readers.contains(group) || readers.contains(unitOfRoleGroup(group)));
  }

  private static String unitOfRoleGroup(String groupId) {
    for (Role role : Role.values()) {
      String unit = role.unitOf(groupId);
      if (unit != null) {
        return unit;
      }
    }
    return null;
  }
}
