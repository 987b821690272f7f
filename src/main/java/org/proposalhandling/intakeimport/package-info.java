/**
 * 批量导入: a file of items registered in chunks, the clerk and chunk machinery batch assignment shares, and
 * 历史答复导入 (past years' items with their replies, closed as history). Reads the {@code item} table (item) in
 * SQL for the titles, texts and session names already registered, to compare a whole file with them in one
 * query: the item module offers no query by session.
 */
package org.proposalhandling.intakeimport;
