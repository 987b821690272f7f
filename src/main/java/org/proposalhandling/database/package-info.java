/**
 * The embedded default database: a MariaDB server that the app starts from a Maven artifact, with its files
 * under {@code ./data}, speaking the production dialect (the {@code mysql} profile's MySQL 8 or MariaDB server
 * replaces it). Nothing here knows of items: it gives the app a {@code DataSource}.
 */
package org.proposalhandling.database;
