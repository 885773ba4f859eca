/** Notices: the inbox, staff broadcasts, e-mail fan-out once per customer, letter and phone lists. */
package se.somg.portal.notice;
