/** The JAX-RS application under /api: its errors as problem+json, and the checks that only the portal's own pages make it act. */
package se.somg.portal.api;
