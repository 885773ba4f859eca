/** What keeps the portal right on several nodes: small replicated sessions. */
package se.somg.portal.cluster;
