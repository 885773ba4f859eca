/** Consents: purposes as data, an append-only ledger of gives and withdrawals, and receipts. */
package se.somg.portal.consent;
