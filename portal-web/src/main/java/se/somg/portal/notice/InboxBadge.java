package se.somg.portal.notice;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.somg.portal.account.Role;

/** The unread count in the header, asked once per page and only for customers. */
@Named("inboxBadge")
@RequestScoped
public class InboxBadge {

    @EJB
    private NoticeService notices;

    @Inject
    private HttpServletRequest request;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = request.isUserInRole(Role.Names.CUSTOMER) ? notices.unreadCount() : 0L;
        }
        return unread;
    }
}
