/**
 * 附件: the files of an item, uploaded and read on the item's page at /items/{id}, each with the step it
 * belongs to. Stored in the app's tables ({@code item_file}, {@code item_file_chunk}) in chunks, typed from
 * their content, their SHA-256 checked on every download. Who reads the item's page (the ledger page's
 * {@code item.ItemReaders}) reads its files; the office's clerks and the lead's and co-handling units' staff add
 * files while the item is open.
 */
package org.proposalhandling.attachment;
