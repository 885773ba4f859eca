/** Privacy policy versions as data, their publication, and the re-consent they may ask for. */
package se.somg.portal.policy;
