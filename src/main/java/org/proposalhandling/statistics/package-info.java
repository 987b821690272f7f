/**
 * 统计: figures per session, unit, stage and day. Reads other modules' tables directly, in SQL: {@code item}
 * and {@code item_co_unit} (item), {@code reply} (handling), {@code deadline_request} (deadline), {@code feedback_answer}
 * (feedback: 满意率 per person), besides its
 * own {@code stat_reply_due}. Each figure is a GROUP BY in the database over the scope's items (changeset
 * 012), never a row per item into Java (its times at 15,000 open items are in docs/benchmarks.md). It only reads
 * others' tables: its own it writes from the item's events.
 */
package org.proposalhandling.statistics;
