/**
 * 台账: the list of items in a user's scope and the page of one item. Reads other modules' tables directly,
 * in SQL, instead of asking their APIs item by item: {@code item}, {@code item_co_unit} and {@code item_event}
 * (item), {@code reply} and {@code co_handling_opinion} (handling), {@code mail_message} (mail); the printed 办理单 also
 * {@code contact_record} (handling) and {@code feedback} (feedback), in two statements per sheet. The list
 * filters, sorts and pages tens of thousands of items in one statement on the indexes of changeset 010 (its times
 * at 15,000 open items are in docs/benchmarks.md); asking the modules per row would be a query per item. It only
 * reads them, and writes no table.
 */
package org.proposalhandling.ledger;
