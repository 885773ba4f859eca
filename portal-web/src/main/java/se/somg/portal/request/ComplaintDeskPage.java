package se.somg.portal.request;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.language.Messages;

import java.io.Serializable;
import java.util.List;

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
        try {
            service.answer(selected.getId(), selected.getVersion(), answer);
            selected = null;
            answer = null;
            load();
            messages.info(null, "complaints.answered");
        } catch (InvalidInput invalid) {
            messages.report("answerForm", invalid);
        } catch (Refusal refusal) {
            load();
            selected = null;
            messages.error(null, refusal.getMessageKey());
        }
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
