package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import se.somg.portal.database.DatabaseOutage;
import se.somg.portal.kernel.Role;

/**
 * The unread count in the header, only for customers. Counting takes several queries, and every customer page
 * shows it, so the session keeps the count for {@value #FRESH_MILLIS} ms: a new notice shows within that time,
 * and anything the customer does (every non-GET request) counts again ({@link UnreadCountReset}).
 */
@Named("inboxBadge")
@RequestScoped
public class InboxBadge {

    static final String ATTRIBUTE = "se.somg.portal.unread-count";
    static final long FRESH_MILLIS = 30_000;

    @EJB
    private NoticeService notices;

    @Inject
    private HttpServletRequest request;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = count();
        }
        return unread;
    }

    private long count() {
        if (!request.isUserInRole(Role.Names.CUSTOMER) || request.getAttribute(DatabaseOutage.ATTRIBUTE) != null) {
            return 0L;
        }
        HttpSession session = request.getSession();
        long now = System.currentTimeMillis();
        if (session.getAttribute(ATTRIBUTE) instanceof Counted counted && now - counted.at() < FRESH_MILLIS) {
            return counted.unread();
        }
        long fresh = notices.unreadCount();
        session.setAttribute(ATTRIBUTE, new Counted(fresh, now));
        return fresh;
    }

    record Counted(long unread, long at) implements Serializable {}
}
