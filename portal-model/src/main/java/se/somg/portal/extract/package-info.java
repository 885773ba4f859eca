/** The register extract (JSON and PDF) with its digest, its step-up password check, and its verification by anyone. */
package se.somg.portal.extract;
