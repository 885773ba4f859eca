package se.somg.portal.notice;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.language.Messages;

/** Notifications: the inbox, newest first; opening one marks it read; merger and policy notices are acknowledged. */
@Named("inbox")
@ViewScoped
public class InboxPage implements Serializable {

    @EJB
    private NoticeService service;

    @Inject
    private Messages messages;

    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient List<InboxEntry> entries;
    private InboxEntry opened;

    @PostConstruct
    void load() {
        entries = service.inbox();
    }

    public void open(long noticeId) {
        opened = service.open(noticeId);
        load();
    }

    public void acknowledge() {
        opened = service.acknowledge(opened.getNotice().getId());
        load();
        messages.info(null, "notices.acknowledged");
    }

    public List<InboxEntry> getEntries() {
        if (entries == null) {
            load();
        }
        return entries;
    }

    public InboxEntry getOpened() {
        return opened;
    }
}
