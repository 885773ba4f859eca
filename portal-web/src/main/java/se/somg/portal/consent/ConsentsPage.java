package se.somg.portal.consent;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.language.Messages;

/** The consents page: each purpose with its state, one click to give or withdraw, and the history with receipts. */
@Named("consents")
@ViewScoped
public class ConsentsPage implements Serializable {

    @EJB
    private ConsentService service;

    @Inject
    private Messages messages;

    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient ConsentOverview overview;

    @PostConstruct
    void load() {
        overview = service.page();
    }

    public void grant(String code) {
        act(() -> service.grant(code), "consents.granted");
    }

    public void withdraw(String code) {
        act(() -> service.withdraw(code), "consents.withdrawn");
    }

    private void act(Runnable change, String doneKey) {
        change.run();
        load();
        messages.info(null, doneKey);
    }

    public List<ConsentRow> getRows() {
        return overview().rows();
    }

    public List<ConsentEvent> getHistory() {
        return overview().history();
    }

    /** Read again after the view moved to another node, where the transient overview did not travel. */
    private ConsentOverview overview() {
        if (overview == null) {
            overview = service.page();
        }
        return overview;
    }
}
