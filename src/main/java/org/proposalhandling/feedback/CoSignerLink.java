package org.proposalhandling.feedback;

/**
 * Whose a co-signer's feedback link is: his position on the item and the round whose reply it rates, written
 * as the link token's holder ("3/1"), so that a link of the first round never answers the second.
 */
record CoSignerLink(int position, int round) {

  static String holder(int position, int round) {
    return position + "/" + round;
  }

  static CoSignerLink of(String holder) {
    int slash = holder.indexOf('/');
    return new CoSignerLink(Integer.parseInt(holder.substring(0, slash)), Integer.parseInt(holder.substring(slash + 1)));
  }
}
