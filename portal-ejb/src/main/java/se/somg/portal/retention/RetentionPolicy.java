package se.somg.portal.retention;

import static se.somg.portal.Sweden.ZONE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Policy §5.7: data is kept a reasonable time after the contract ends, {@code PORTAL_RETENTION_MONTHS}
 * (default 24), and then anonymised.
 */
@ApplicationScoped
public class RetentionPolicy {

    @Inject
    @ConfigProperty(name = "portal.retention.months", defaultValue = "24")
    private int months;

    RetentionPolicy() {
        // for CDI; the period comes from the configuration
    }

    RetentionPolicy(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** Contracts that ended before this are past the period. */
    public OffsetDateTime cutoff(OffsetDateTime now) {
        return now.minusMonths(months);
    }

    public LocalDate deletionDate(OffsetDateTime contractEndedAt) {
        return contractEndedAt
                .plusMonths(months)
                .atZoneSameInstant(ZONE)
                .toLocalDate()
                .plusDays(1);
    }
}
