/**
 * Handling an item: co-handling opinions, contact records, the draft reply, its review. Joins the {@code unit}
 * table (directory) in SQL to show each co-handling opinion with its unit's name in the same statement.
 */
package org.proposalhandling.handling;
