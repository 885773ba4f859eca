/** The customer's dashboard: which personal data the portal holds, and where it came from. */
package se.somg.portal.dashboard;
