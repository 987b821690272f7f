/**
 * 批量导入: a file of items registered in chunks, and the clerk and chunk machinery batch assignment shares.
 * Reads the {@code item} table (item) in SQL for the titles and session names already registered, to compare a
 * whole file's titles with them in one query: the item module offers no query by session.
 */
package org.proposalhandling.intakeimport;
