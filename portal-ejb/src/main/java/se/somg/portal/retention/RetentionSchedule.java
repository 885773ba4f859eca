package se.somg.portal.retention;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When retention runs by itself (policy §5.7): {@code PORTAL_RETENTION_SCHEDULE}, "minute hour" in Swedish time as in
 * a crontab, by default "30 2" (every night at 02:30). A setting rather than an annotation, so an operator can move
 * the run away from a busy hour and a test can let it fire at once ("* *", every minute).
 */
@Singleton
@Startup
@PermitAll
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Inject
    @ConfigProperty(name = "portal.retention.schedule", defaultValue = "30 2")
    private String schedule;

    @Resource
    private TimerService timers;

    @EJB
    private RetentionService retention;

    @PostConstruct
    void start() {
        String[] fields = schedule.strip().split("\\s+");
        if (fields.length != 2) {
            throw new IllegalStateException(
                    "portal.retention.schedule must be \"minute hour\", such as \"30 2\"; it is \"" + schedule + "\"");
        }
        ScheduleExpression when =
                new ScheduleExpression().minute(fields[0]).hour(fields[1]).timezone("Europe/Stockholm");
        timers.createCalendarTimer(when, new TimerConfig("retention", false));
        LOG.info("retention runs at minute " + fields[0] + ", hour " + fields[1] + " (Swedish time)");
    }

    @Timeout
    void run() {
        retention.nightly();
    }
}
