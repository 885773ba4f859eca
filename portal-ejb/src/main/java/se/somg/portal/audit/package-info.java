/** The audit trail: every staff look at personal data and every change of consequence, the privacy officer's search and export, and each customer's view of who looked. */
package se.somg.portal.audit;
