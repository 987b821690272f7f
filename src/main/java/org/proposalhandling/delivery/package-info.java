/**
 * Delivering the signed reply to the proposer, and delivering it again after a failure. Reads the
 * {@code mail_message} table (mail) in SQL to learn whether an item's reply mail has left the outbox: the mail
 * module knows mails by id, not by the item and purpose they were written for.
 */
package org.proposalhandling.delivery;
