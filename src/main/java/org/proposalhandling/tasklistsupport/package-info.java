/**
 * Read-only JSON for the Camunda webapps' custom scripts (Tasklist's task cards, Cockpit's process instances):
 * working days left to a due date, and which item a process instance handles. The scripts run in the webapps'
 * login session, so these answer under /camunda/api, where the webapps' own authentication applies.
 */
package org.proposalhandling.tasklistsupport;
