package se.somg.portal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The Standard Webhooks specification's own example, and a body changed by one character. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    @Test
    void signsAsTheSpecificationsExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(SECRET, ID, 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void anotherBodyAnotherSignature() {
        assertNotEquals(
                WebhookSignature.sign(SECRET, ID, 1614265330L, "{\"test\": 2432232314}"),
                WebhookSignature.sign(SECRET, ID, 1614265330L, "{\"test\": 2432232315}"));
    }
}
