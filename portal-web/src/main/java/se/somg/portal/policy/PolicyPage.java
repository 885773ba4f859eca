package se.somg.portal.policy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import se.somg.portal.Refusal;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * The privacy policy page: the version in force (or an earlier one, {@code ?version=N}), every published
 * version, and the lines that differ between two of them ({@code ?from=A&to=B}).
 */
@Named("policy")
@RequestScoped
public class PolicyPage {

    @EJB
    private PolicyService policies;

    @Inject
    private Language language;

    @Inject
    private Messages messages;

    private PolicyVersion shown;
    private List<PolicyBlock> blocks;
    private List<PolicyVersion> versions;
    private List<PolicyDifference> differences;
    private Integer from;
    private Integer to;

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        versions = policies.published();
        shown = versions.get(0);
        try {
            Integer asked = number(params.get("version"));
            if (asked != null) {
                shown = policies.published(asked);
            }
            from = number(params.get("from"));
            to = number(params.get("to"));
            if (from != null && to != null) {
                differences = policies.difference(from, to, language.getCode());
            }
        } catch (Refusal refusal) {
            messages.error(null, refusal.getMessageKey(), refusal.getArguments());
        }
        blocks = PolicyDocument.parse(shown.text(language.getCode()));
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new Refusal("policy.notFound");
        }
    }

    public List<PolicyBlock> getBlocks() {
        return blocks;
    }

    public PolicyVersion getShown() {
        return shown;
    }

    public boolean isCurrent() {
        return shown.getNumber().equals(versions.get(0).getNumber());
    }

    public List<PolicyVersion> getVersions() {
        return versions;
    }

    public List<PolicyDifference> getDifferences() {
        return differences;
    }

    public Integer getFrom() {
        return from;
    }

    public Integer getTo() {
        return to;
    }
}
