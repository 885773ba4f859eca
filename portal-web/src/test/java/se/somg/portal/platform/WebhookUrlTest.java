package se.somg.portal.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where a webhook may point: https to a public host, unless the operator allows SOMG's own network. */
class WebhookUrlTest {

    @Test
    void onlyHttpsToAPublicHostByDefault() {
        assertTrue(PlatformAdministration.isWebhookUrl("https://93.184.216.34/hooks/somg", false));
        for (String refused : new String[] {
            "http://93.184.216.34/hooks/somg",
            "https://127.0.0.1/hook",
            "https://10.1.2.3/hook",
            "https://192.168.0.10/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://user:secret@93.184.216.34/hook",
            "ftp://93.184.216.34/hook",
            "not a url"
        }) {
            assertFalse(PlatformAdministration.isWebhookUrl(refused, false), refused);
        }
    }

    @Test
    void insideSomgsNetworkWhereAllowed() {
        assertTrue(PlatformAdministration.isWebhookUrl("http://127.0.0.1:8099/hook", true));
        assertTrue(PlatformAdministration.isWebhookUrl("https://10.1.2.3/hook", true));
        assertFalse(PlatformAdministration.isWebhookUrl("ftp://10.1.2.3/hook", true));
    }
}
