package se.somg.portal.request;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.language.Dates;
import se.somg.portal.language.Messages;

/** Requests: file an erasure, restriction, objection or rectification request, or a complaint, and follow them. */
@Named("requests")
@ViewScoped
public class RequestsPage implements Serializable {

    @EJB
    private RequestService service;

    @EJB
    private ComplaintService complaints;

    @Inject
    private Messages messages;

    @Inject
    private Dates dates;

    private RequestKind kind;
    private String message;
    private ComplaintCategory category;
    private String complaintText;
    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient List<SubjectRequest> mine;
    private transient List<Complaint> myComplaints;
    private boolean restricted;
    private java.time.LocalDate anonymisedOn;
    private boolean confirmEnd;

    @PostConstruct
    void load() {
        RequestsOverview overview = service.overview();
        mine = overview.mine();
        restricted = overview.restricted();
        anonymisedOn = overview.anonymisedOn();
        myComplaints = complaints.mine();
    }

    /** Each action that files something answers with a redirect (Post/Redirect/Get): a reload files nothing more. */
    public String file() {
        SubjectRequest filed = service.file(kind, message);
        messages.info(null, "requests.filed", dates.day(filed.getDueAt()));
        return again();
    }

    private static String again() {
        jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .setKeepMessages(true);
        return "/customer/requests?faces-redirect=true";
    }

    public String complain() {
        complaints.file(category, complaintText);
        messages.info(null, "complaints.filed");
        return again();
    }

    public void endContract() {
        if (!confirmEnd) {
            messages.error("contract:confirmEnd", "requests.contract.confirmFirst");
            return;
        }
        java.time.LocalDate on = service.endContract();
        confirmEnd = false;
        load();
        messages.info(null, "requests.contract.ended", on.toString());
    }

    public java.time.LocalDate getAnonymisedOn() {
        return anonymisedOn;
    }

    public boolean isConfirmEnd() {
        return confirmEnd;
    }

    public void setConfirmEnd(boolean confirmEnd) {
        this.confirmEnd = confirmEnd;
    }

    public RequestKind[] getKinds() {
        return RequestKind.values();
    }

    public ComplaintCategory[] getCategories() {
        return ComplaintCategory.values();
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public ComplaintCategory getCategory() {
        return category;
    }

    public void setCategory(ComplaintCategory category) {
        this.category = category;
    }

    public String getComplaintText() {
        return complaintText;
    }

    public void setComplaintText(String complaintText) {
        this.complaintText = complaintText;
    }

    /** The due date the platforms' confirmations are owed by: the earliest of the requests waiting for them. */
    public java.time.OffsetDateTime getPlatformsDue() {
        return getMine().stream()
                .filter(SubjectRequest::isAwaitingPlatforms)
                .map(SubjectRequest::getEffectiveDueAt)
                .min(java.util.Comparator.naturalOrder())
                .orElse(null);
    }

    public List<SubjectRequest> getMine() {
        if (mine == null) {
            mine = service.mine();
        }
        return mine;
    }

    public List<Complaint> getMyComplaints() {
        if (myComplaints == null) {
            myComplaints = complaints.mine();
        }
        return myComplaints;
    }

    public boolean isRestricted() {
        return restricted;
    }

    public int getMessageMax() {
        return RequestService.MESSAGE_MAX;
    }

    public int getComplaintMax() {
        return Complaint.MAX_TEXT;
    }
}
