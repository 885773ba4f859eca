package se.somg.portal.request;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.Refusal;
import se.somg.portal.account.Customer;
import se.somg.portal.language.Dates;
import se.somg.portal.language.Messages;

/** The privacy officer's queue: open requests by due date, overdue ones marked, and the steps on one of them. */
@Named("requestQueue")
@ViewScoped
public class RequestQueuePage implements Serializable {

    @EJB
    private RequestService service;

    @Inject
    private Messages messages;

    @Inject
    private Dates dates;

    private List<SubjectRequest> open;
    private List<SubjectRequest> closed;
    private SubjectRequest selected;
    private Customer requester;
    private int months = 1;
    private String reason;
    private String note;

    @PostConstruct
    void load() {
        open = service.queue();
        closed = service.recentlyClosed();
        if (selected != null) {
            Long id = selected.getId();
            selected =
                    open.stream().filter(r -> r.getId().equals(id)).findFirst().orElse(null);
        }
    }

    public void select(long id) {
        selected = open.stream().filter(r -> r.getId() == id).findFirst().orElse(null);
        requester = selected == null ? null : service.requester(id);
        reason = null;
        note = null;
    }

    public void start() {
        act(() -> service.start(selected.getId(), selected.getVersion()), "queue.started");
    }

    public void extend() {
        act(() -> service.extend(selected.getId(), selected.getVersion(), months, reason), "queue.extended");
    }

    public void complete() {
        act(() -> service.complete(selected.getId(), selected.getVersion(), note), "queue.completed");
    }

    public void reject() {
        act(() -> service.reject(selected.getId(), selected.getVersion(), reason), "queue.rejected");
    }

    private void act(Runnable step, String doneKey) {
        if (selected == null) {
            messages.error(null, "requests.notFound");
            return;
        }
        step.run();
        reason = null;
        note = null;
        load();
        if (selected == null) {
            requester = null;
        }
        messages.info(null, doneKey);
    }

    /** Someone else handled or changed the request: show the queue as it is now. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal) {
        load();
    }

    public boolean overdue(SubjectRequest request) {
        return request.isOverdueAt(dates.now());
    }

    public List<SubjectRequest> getOpen() {
        return open;
    }

    public List<SubjectRequest> getClosed() {
        return closed;
    }

    public SubjectRequest getSelected() {
        return selected;
    }

    public Customer getRequester() {
        return requester;
    }

    public int getMonths() {
        return months;
    }

    public void setMonths(int months) {
        this.months = months;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
