package se.somg.portal.policy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.language.Messages;

/** The question asked again after a policy change: per purpose, agree again or not. */
@Named("reconsent")
@ViewScoped
public class ReconsentPage implements Serializable {

    @EJB
    private PolicyService policies;

    @Inject
    private Messages messages;

    private List<ConsentPurpose> pending;
    private List<PolicyVersion> versions;
    private final Map<String, String> answers = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        pending = policies.pendingReconsent();
        versions = policies.reconsentVersions();
    }

    public void answer() throws IOException {
        Map<String, Boolean> given = new LinkedHashMap<>();
        answers.forEach((code, answer) -> {
            if ("yes".equals(answer) || "no".equals(answer)) {
                given.put(code, "yes".equals(answer));
            }
        });
        policies.answerReconsent(given);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        messages.info(null, "reconsent.done");
        external.redirect(external.getRequestContextPath() + "/customer/dashboard.xhtml");
    }

    public List<ConsentPurpose> getPending() {
        return pending;
    }

    public List<PolicyVersion> getVersions() {
        return versions;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }
}
