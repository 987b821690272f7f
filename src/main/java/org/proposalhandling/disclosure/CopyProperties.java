package org.proposalhandling.disclosure;

import java.util.List;
import java.util.Map;
import org.proposalhandling.item.ItemKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.letter: who receives a copy (抄送) of each reply, printed on the letter and mailed.
 *
 * @param copies who is copied besides the assigning office (always the first copy: it keeps the record and posts a
 *     reply on paper), in the letter's order: CO_HANDLING_UNITS (each co-handling unit), COMMITTEE (the people's
 *     congress or CPPCC committee in charge of the item's kind, see committees)
 * @param committees the committee in charge per kind of item (DEPUTY_SUGGESTION, MEMBER_PROPOSAL,
 *     PARTY_GROUP_PROPOSAL, COMMITTEE_PROPOSAL), its name as printed and the address its copy is mailed to, e.g.
 *     {@code committees.MEMBER_PROPOSAL.name: 省政协提案委员会}; a kind without one has no committee copy
 */
@ConfigurationProperties("proposals.letter")
record CopyProperties(@DefaultValue("CO_HANDLING_UNITS") List<Copied> copies,
                      Map<ItemKind, Committee> committees) {

  enum Copied {
    CO_HANDLING_UNITS, COMMITTEE
  }

  /**
   * @param name the committee's name as the letter prints it
   * @param email where its copy is mailed; blank: printed only
   */
  record Committee(String name, String email) {
  }

  CopyProperties {
    committees = committees == null ? Map.of() : Map.copyOf(committees);
  }
}
