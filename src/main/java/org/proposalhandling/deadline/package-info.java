/**
 * Due dates, reminders, and the extension, reassignment and supervision requests. Reads two tables of other
 * modules in SQL: {@code co_handling_opinion} (handling), for which co-handling units have not answered yet and
 * are reminded, and {@code item} (item), for the open deadlines to review after a holiday file is loaded: one
 * statement over all open items instead of loading each item.
 */
package org.proposalhandling.deadline;
