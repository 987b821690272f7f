/**
 * 工作台: the page each user lands on after signing in, at /: what is his to do, as counts that open the list
 * (Tasklist's filters, the ledger with a filter, the app's own pages), and for the assigning office the register
 * of reminders and supervision across its items (/workspace/reminders, exportable). It writes no table.
 *
 * <p>Reads other modules' tables directly, in SQL: {@code item} and {@code item_co_unit} (item) for the counts of
 * yellow, red, 督办, feedback and 送达失败 items, each one {@code count(*)} on the ledger's indexes (changeset
 * 010) with the ledger's own visibility rule, so a count and the ledger's list behind its link agree;
 * {@code item_event} (item) for the register, one statement with the event that followed each reminder. The
 * tasks are the engine's, counted through its task query as the signed-in user.
 */
package org.proposalhandling.workspace;
