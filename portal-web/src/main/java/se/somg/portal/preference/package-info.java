/** Contact preferences: channel by kind of message, and language. */
package se.somg.portal.preference;
