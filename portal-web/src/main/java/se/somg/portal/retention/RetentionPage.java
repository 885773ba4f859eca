package se.somg.portal.retention;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.Refusal;
import se.somg.portal.language.Messages;

/** Retention (policy §5.7): the runs so far, a dry run that changes nothing, and a real run with progress. */
@Named("retention")
@ViewScoped
public class RetentionPage implements Serializable {

    @EJB
    private RetentionService service;

    @Inject
    private Messages messages;

    private List<RetentionRun> runs;
    private List<RetentionFailure> failures;
    private long candidates;

    @PostConstruct
    void load() {
        runs = service.runs();
        failures = service.recentFailures();
        candidates = service.candidates();
    }

    /** Each action answers with a redirect (Post/Redirect/Get): reloading the page afterwards starts nothing. */
    public String dryRun() {
        RetentionRun run = service.dryRun();
        messages.info(null, "retention.dryRun.done", run.getCandidates());
        return again();
    }

    public String run() {
        try {
            service.start();
            messages.info(null, "retention.run.started");
        } catch (Refusal alreadyRunning) {
            messages.warn(null, alreadyRunning.getMessageKey());
        }
        return again();
    }

    private static String again() {
        jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .setKeepMessages(true);
        return "/staff/privacy/retention?faces-redirect=true";
    }

    public void refresh() {
        load();
    }

    public boolean isRunning() {
        return runs.stream().anyMatch(run -> run.getStatus() == RetentionRun.Status.RUNNING);
    }

    public List<RetentionRun> getRuns() {
        return runs;
    }

    public List<RetentionFailure> getFailures() {
        return failures;
    }

    public long getCandidates() {
        return candidates;
    }

    public int getMonths() {
        return service.months();
    }
}
