/** The portal's figures for its operators (MicroProfile Metrics) and who may read them. */
package se.somg.portal.metrics;
