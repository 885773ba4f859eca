/** Data-subject requests with their deadlines, and complaints. */
package se.somg.portal.request;
