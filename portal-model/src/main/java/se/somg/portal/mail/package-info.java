/** The transactional outbox and its delivery over SMTP, with retries. */
package se.somg.portal.mail;
