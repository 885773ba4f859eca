/** The language of pages and mails (Swedish or English), message bundles and dates. */
package se.somg.portal.language;
