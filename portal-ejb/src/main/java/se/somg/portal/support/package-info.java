/** Customer service's audited look-up of customers. */
package se.somg.portal.support;
