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
import se.somg.portal.platform.PlatformNews;
import se.somg.portal.platform.PlatformWaivers;

/** The privacy officer's queue: open requests by due date, overdue ones marked, and the steps on one of them. */
@Named("requestQueue")
@ViewScoped
public class RequestQueuePage implements Serializable {

    @EJB
    private RequestService service;

    @EJB
    private PlatformNews platformNews;

    @EJB
    private PlatformWaivers waivers;

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
    private List<PlatformNews.Told> told;
    private String waivedEvent;
    private String waiver;

    @PostConstruct
    void load() {
        open = service.queue();
        closed = service.recentlyClosed();
        if (selected != null) {
            Long id = selected.getId();
            selected =
                    open.stream().filter(r -> r.getId().equals(id)).findFirst().orElse(null);
        }
        told = selected == null ? List.of() : platformNews.ofCustomer(selected.getCustomerId());
    }

    public void select(long id) {
        selected = open.stream().filter(r -> r.getId() == id).findFirst().orElse(null);
        requester = selected == null ? null : service.requester(id);
        told = selected == null ? List.of() : platformNews.ofCustomer(selected.getCustomerId());
        reason = null;
        note = null;
        waiver = null;
    }

    public void start() {
        act(() -> {
            service.start(selected.getId(), selected.getVersion());
            return "queue.started";
        });
    }

    public void extend() {
        act(() -> {
            service.extend(selected.getId(), selected.getVersion(), months, reason);
            return "queue.extended";
        });
    }

    public void complete() {
        act(() -> service.complete(selected.getId(), selected.getVersion(), note) == RequestStatus.CONFIRMING
                ? "queue.sentToPlatforms"
                : "queue.completed");
    }

    public void reject() {
        act(() -> {
            service.reject(selected.getId(), selected.getVersion(), reason);
            return "queue.rejected";
        });
    }

    /** The privacy officer records why a platform cannot confirm; the last one owed completes the request. */
    public void waive() {
        act(() -> {
            waivers.waive(waivedEvent, waiver);
            return "queue.waived";
        });
    }

    /** Runs a step; it answers the message that says what happened. */
    private void act(java.util.function.Supplier<String> step) {
        if (selected == null) {
            messages.error(null, "requests.notFound");
            return;
        }
        String doneKey = step.get();
        reason = null;
        note = null;
        waiver = null;
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

    /** What the requester's platforms were told and confirmed, read once per step. */
    public List<PlatformNews.Told> getTold() {
        return told;
    }

    public List<PlatformNews.Told> getOutstanding() {
        return told.stream().filter(PlatformNews.Told::isOutstanding).toList();
    }

    public String getWaivedEvent() {
        return waivedEvent;
    }

    public void setWaivedEvent(String waivedEvent) {
        this.waivedEvent = waivedEvent;
    }

    public String getWaiver() {
        return waiver;
    }

    public void setWaiver(String waiver) {
        this.waiver = waiver;
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
