package se.somg.portal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NoticeListsTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertEquals("\"Anna\"", NoticeLists.cell("Anna"));
        assertEquals("\"Storgatan \"\"12\"\"\"", NoticeLists.cell("Storgatan \"12\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", NoticeLists.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'@SUM(A1)\"", NoticeLists.cell("@SUM(A1)"));
        assertEquals("\"'-2+3\"", NoticeLists.cell("-2+3"));
        assertEquals("\"+46701234567\"", NoticeLists.cell("+46701234567"), "a phone number stays a phone number");
        assertEquals("\"12\"", NoticeLists.cell(12L));
        assertEquals("\"\"", NoticeLists.cell(null));
    }
}
