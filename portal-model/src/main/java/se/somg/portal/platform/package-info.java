/** SOMG's platforms (policy §1) as data: what each is told, and how it signs in to its API. */
package se.somg.portal.platform;
