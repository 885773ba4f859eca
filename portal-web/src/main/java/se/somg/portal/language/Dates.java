package se.somg.portal.language;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import se.somg.portal.Sweden;

/** Times as people in Sweden read them on every page: ISO dates, 24-hour clock, Swedish time. */
@Named("dates")
@ApplicationScoped
public class Dates {

    private static final ZoneId SWEDEN = Sweden.ZONE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    private Clock clock;

    /** Now by the portal's clock, for a page that must say whether something is past. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public String minute(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(SWEDEN).format(MINUTE);
    }

    public String day(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(SWEDEN).toLocalDate().toString();
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public boolean past(OffsetDateTime at) {
        return at != null && at.isBefore(now());
    }
}
