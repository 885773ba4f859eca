package se.somg.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    @Test
    void withHttpsRequiredAPlainPageViewIsSentToHttpsAndAnythingElseIsRefused() {
        assertEquals(TransportSecurity.Decision.REDIRECT, TransportSecurity.decide(false, true, "GET"));
        assertEquals(TransportSecurity.Decision.REDIRECT, TransportSecurity.decide(false, true, "HEAD"));
        assertEquals(TransportSecurity.Decision.REFUSE, TransportSecurity.decide(false, true, "POST"));
        assertEquals(TransportSecurity.Decision.SERVE, TransportSecurity.decide(true, true, "POST"));
    }

    @Test
    void withoutTheSettingEverythingIsServed() {
        assertEquals(TransportSecurity.Decision.SERVE, TransportSecurity.decide(false, false, "GET"));
        assertEquals(TransportSecurity.Decision.SERVE, TransportSecurity.decide(false, false, "POST"));
    }
}
