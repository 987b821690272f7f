package org.proposalhandling.link;

import java.time.Instant;

/**
 * A link's token: what it is for and whether it still works. Its subject is the business key of the process
 * it acts in (an item, a consultation); the activity is the user task the link completes. It has expired when
 * that task is no longer open (see {@link LinkedTasks#read}).
 */
public record LinkToken(String id, String subjectId, String activityId, String holder, State state, Instant usedAt) {

  public enum State { VALID, USED, EXPIRED, SUPERSEDED, UNKNOWN }

  static LinkToken unknown() {
    return new LinkToken(null, null, null, null, State.UNKNOWN, null);
  }

  LinkToken expired() {
    return new LinkToken(id, subjectId, activityId, holder, State.EXPIRED, usedAt);
  }

  public boolean valid() {
    return state == State.VALID;
  }
}
