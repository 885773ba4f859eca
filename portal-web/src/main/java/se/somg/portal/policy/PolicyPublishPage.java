package se.somg.portal.policy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.PortalLanguage;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.consent.ConsentService;
import se.somg.portal.language.Messages;

/** COMMUNICATIONS writes a new policy version in both languages, previews it and publishes it now or later. */
@Named("policyPublish")
@ViewScoped
public class PolicyPublishPage implements Serializable {

    @EJB
    private PolicyService policies;

    @EJB
    private ConsentService consents;

    @Inject
    private Messages messages;

    private PolicyDraft draft;
    private List<PolicyVersion> versions;
    private List<ConsentPurpose> purposes;
    private boolean preview;

    @PostConstruct
    void load() {
        versions = policies.all();
        purposes = consents.purposes();
        draft = new PolicyDraft();
        PolicyVersion latest = versions.get(0);
        draft.setTextSv(latest.text("sv"));
        draft.setTextEn(latest.text("en"));
    }

    public void showPreview() {
        preview = true;
    }

    public void publish() {
        PolicyVersion published = policies.publish(draft);
        messages.info(null, "policy.published", published.getNumber());
        load();
        preview = false;
    }

    public List<PolicyBlock> blocks(String lang) {
        String text = PortalLanguage.of(lang).pick(draft.getTextSv(), draft.getTextEn());
        return PolicyDocument.parse(text == null ? "" : "title\n" + text);
    }

    public PolicyDraft getDraft() {
        return draft;
    }

    public List<PolicyVersion> getVersions() {
        return versions;
    }

    public List<ConsentPurpose> getPurposes() {
        return purposes;
    }

    public boolean isPreview() {
        return preview;
    }
}
