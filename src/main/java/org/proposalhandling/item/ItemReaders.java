package org.proposalhandling.item;

import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Whether a user reads an item: exactly when its page at /items/{id} answers him, so that what hangs on the
 * item (its files) is read by the same people and refused to the others as the page is.
 */
public interface ItemReaders {

  boolean mayRead(Authentication user, String itemId);
}
