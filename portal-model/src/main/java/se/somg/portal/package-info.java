/** The SOMG privacy portal: what every feature shares (the rule violations InvalidInput and Refusal, Swedish time, CSV cells). */
package se.somg.portal;
