/** Accounts: credentials, customers and staff, registration, sign-in with its guessing throttle and trusted browsers, sessions that end everywhere, passwords. */
package se.somg.portal.account;
