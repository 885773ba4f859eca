/** Retention: anonymising accounts past their retention period, once across nodes, and housekeeping. */
package se.somg.portal.retention;
