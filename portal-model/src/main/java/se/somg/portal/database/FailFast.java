package se.somg.portal.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for lack of a connection three times, five seconds apart: while
 * PostgreSQL is down a page would hang for ten seconds or more. The pool already checks and replaces
 * connections, so a failed read fails at once and the person is told the portal is temporarily unavailable.
 */
public class FailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
