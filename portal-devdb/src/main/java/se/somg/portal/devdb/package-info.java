/** What the run and cluster commands and the tests start (PostgreSQL, SMTP, Payara Micro nodes, HAProxy) and a browser session over HTTP; never deployed. */
package se.somg.portal.devdb;
