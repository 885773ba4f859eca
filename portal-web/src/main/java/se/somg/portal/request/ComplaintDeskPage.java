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
import se.somg.portal.language.Messages;

/** The privacy officer reads complaints, unanswered first, and answers them; the customer is mailed. */
@Named("complaintDesk")
@ViewScoped
public class ComplaintDeskPage implements Serializable {

    @EJB
    private ComplaintService service;

    @Inject
    private Messages messages;

    private List<Complaint> complaints;
    private Complaint selected;
    private String answer;

    @PostConstruct
    void load() {
        complaints = service.all();
    }

    public void select(long id) {
        selected = complaints.stream().filter(c -> c.getId() == id).findFirst().orElse(null);
        answer = null;
    }

    public void send() {
        if (selected == null) {
            messages.error(null, "complaints.notFound");
            return;
        }
        service.answer(selected.getId(), selected.getVersion(), answer);
        selected = null;
        answer = null;
        load();
        messages.info(null, "complaints.answered");
    }

    /** Someone else answered or changed the complaint: show the desk as it is now. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal) {
        load();
        selected = null;
    }

    public List<Complaint> getComplaints() {
        return complaints;
    }

    public Complaint getSelected() {
        return selected;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
