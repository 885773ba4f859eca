/** The customer's profile: every category held, editable with its rules, sources and history of changes. */
package se.somg.portal.profile;
