/** Transport security, security headers and caching rules for every response. */
package se.somg.portal.security;
