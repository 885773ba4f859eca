/** The privacy officer's overview: what is due, late and waiting. */
package se.somg.portal.overview;
