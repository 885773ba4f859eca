/** The demo accounts of the acceptance contract, loaded only when asked for. */
package se.somg.portal.demo;
