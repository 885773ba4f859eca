package se.somg.portal.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Policy §5.7: kept 24 months (by default) after the contract ends, anonymised the day after. */
class RetentionPolicyTest {

    private final RetentionPolicy policy = new RetentionPolicy(24);

    @Test
    void theCutoffIsExactlyTheRetentionPeriodBeforeNow() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-03T02:00+01:00");
        assertEquals(OffsetDateTime.parse("2024-12-03T02:00+01:00"), policy.cutoff(now));
    }

    @Test
    void theDeletionDateIsTheDayAfterThePeriodEndsInSwedishTime() {
        assertEquals(
                LocalDate.parse("2028-01-16"), policy.deletionDate(OffsetDateTime.parse("2026-01-15T12:00+01:00")));
        // 23:30 UTC on 14 January is already the 15th in Sweden
        assertEquals(LocalDate.parse("2028-01-16"), policy.deletionDate(OffsetDateTime.parse("2026-01-14T23:30Z")));
    }
}
