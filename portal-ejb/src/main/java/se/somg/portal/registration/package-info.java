/**
 * Registration: a new account with its first consents, contact preferences and data sources. It sits above the
 * features it writes to (account, consent, preference, profile), so none of them needs to know it.
 */
package se.somg.portal.registration;
