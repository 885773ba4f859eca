package se.somg.portal.kernel;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import se.somg.portal.Sweden;

/** How times and dates read in an extract: ISO 8601 in JSON, Swedish local time for people. */
public final class ExtractValues {

    static final ZoneId SWEDEN = Sweden.ZONE;
    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ExtractValues() {}

    /** Database rows read natively give timestamps; the extract speaks {@link OffsetDateTime}. */
    public static Object time(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atZone(SWEDEN).toOffsetDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    public static String iso(TemporalAccessor time) {
        if (time instanceof OffsetDateTime at) {
            return at.atZoneSameInstant(SWEDEN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return time.toString();
    }

    public static String forPeople(TemporalAccessor time) {
        if (time instanceof OffsetDateTime at) {
            return at.atZoneSameInstant(SWEDEN).format(FOR_PEOPLE);
        }
        if (time instanceof LocalDate date) {
            return date.toString();
        }
        return time.toString();
    }
}
