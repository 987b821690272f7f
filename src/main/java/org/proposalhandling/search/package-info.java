/**
 * 全文检索: a Lucene index of items (number, title, text, proposers) and their replies of every round, analyzed
 * with the Chinese analyzer of {@code lucene-analysis-smartcn}, each item's readers written beside it so that a
 * search finds only what the asker may read. The index is a copy: the database is the record, and the index is
 * rebuilt from it when missing, of an older version, or on an administrator's demand. It reads, in SQL and in
 * one statement per table and batch of items, {@code item}, {@code item_co_unit} and {@code item_event} (item),
 * {@code reply} (handling) and {@code publication} (disclosure, which depends on this module and so cannot be
 * asked): a rebuild of tens of thousands of items would otherwise cost several queries per item. It writes no
 * table.
 */
package org.proposalhandling.search;
