/** The database: the datasource, Flyway migrations, readiness, and answering an outage at once. */
package se.somg.portal.database;
