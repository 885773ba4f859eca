package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void lineBreaksAreFineHiddenCharactersAndOverlongTextAreNot() {
        assertEquals(Optional.empty(), FreeText.problem("Rad ett\r\nRad två\tmed tabb", 100, true));
        assertEquals(Optional.of("text.control"), FreeText.problem("stopp\u0000", 100, true));
        assertEquals(
                Optional.of("text.control"),
                FreeText.problem("a\u202eb", 100, true),
                "right-to-left override hides text");
        assertEquals(Optional.of("text.tooLong"), FreeText.problem("x".repeat(101), 100, true));
        assertEquals(Optional.of("text.required"), FreeText.problem("   ", 100, true));
        assertEquals(Optional.empty(), FreeText.problem(null, 100, false));
        assertEquals("Rad ett\nRad två", FreeText.clean("  Rad ett\r\nRad två \n"));
        assertNull(FreeText.clean(" \n "));
    }
}
