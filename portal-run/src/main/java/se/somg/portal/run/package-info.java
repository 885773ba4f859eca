/** The newcomer's run and cluster commands; never deployed. */
package se.somg.portal.run;
