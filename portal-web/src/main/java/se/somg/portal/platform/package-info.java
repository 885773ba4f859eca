/** The platform API ({@code /api/platform/v1}) and the administrator's "Platforms" page. */
package se.somg.portal.platform;
