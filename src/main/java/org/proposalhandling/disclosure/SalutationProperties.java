package org.proposalhandling.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.letter: how a joint item's letter addresses its proposers when the drafter wrote no salutation.
 *
 * @param jointSalutation JOINT: one letter to the lead proposer and the number of them, 尊敬的张三代表等4位代表;
 *     EACH: one letter per person, the lead proposer and every co-signer, each addressed alone (尊敬的李四代表) and
 *     mailed to him with his own reply (the item's page and the public reply show the joint letter)
 */
@ConfigurationProperties("proposals.letter")
record SalutationProperties(@DefaultValue("JOINT") JointSalutation jointSalutation) {

  enum JointSalutation {
    JOINT, EACH
  }
}
