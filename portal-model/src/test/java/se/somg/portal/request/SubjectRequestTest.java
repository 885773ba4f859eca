package se.somg.portal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** GDPR art. 12(3): an answer within one month, extendable by two; a month is a calendar month in Sweden. */
class SubjectRequestTest {

    private static SubjectRequest filed(String at) {
        return new SubjectRequest(1L, RequestKind.ERASURE, null, OffsetDateTime.parse(at));
    }

    @Test
    void dueOneCalendarMonthLaterInSwedishTime() {
        assertEquals(
                OffsetDateTime.parse("2026-04-15T10:00+02:00").toInstant(),
                filed("2026-03-15T10:00+01:00").getEffectiveDueAt().toInstant(),
                "across the change to summer time");
        assertEquals(
                OffsetDateTime.parse("2026-02-28T10:00+01:00").toInstant(),
                filed("2026-01-31T10:00+01:00").getEffectiveDueAt().toInstant(),
                "the last day of a shorter month");
    }

    @Test
    void overdueOnlyAfterTheDueMomentAndWhileOpen() {
        SubjectRequest request = filed("2026-05-10T09:30+02:00");
        OffsetDateTime due = OffsetDateTime.parse("2026-06-10T09:30+02:00");
        assertFalse(request.isOverdueAt(due));
        assertTrue(request.isOverdueAt(due.plusSeconds(1)));
        request.resolve(RequestStatus.COMPLETED, null, "officer", due.minusDays(1));
        assertFalse(request.isOverdueAt(due.plusDays(1)), "answered");
    }

    @Test
    void anExtensionAddsMonthsToTheFirstDueDate() {
        SubjectRequest request = filed("2026-05-10T09:30+02:00");
        request.extend(2, "many records", "officer");
        assertEquals(
                OffsetDateTime.parse("2026-08-10T09:30+02:00").toInstant(),
                request.getEffectiveDueAt().toInstant());
        assertEquals(RequestStatus.IN_PROGRESS, request.getStatus());
    }
}
