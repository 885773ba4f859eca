/** Lawful disclosures: what the law made SOMG hand over, recorded and shown to the customer as a recipient. */
package se.somg.portal.disclosure;
