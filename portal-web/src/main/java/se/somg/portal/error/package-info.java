/** The portal's own error pages and its one Faces exception handler. */
package se.somg.portal.error;
