package se.somg.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.Refusal;
import se.somg.portal.language.Messages;

/**
 * The administrator's "Platforms": each platform with its events, webhook, state, backlog and credentials; adding
 * and editing one, deactivating and reactivating, a new credential shown once, a test event.
 */
@Named("platformsPage")
@ViewScoped
public class PlatformsPage implements Serializable {

    @EJB
    private PlatformAdministration administration;

    @Inject
    private Messages messages;

    @Inject
    private IssuedCredential issued;

    /** The rows shown: kept with the view, so a button posted to any node acts on the row it was pressed on. */
    private List<PlatformAdministration.Row> rows;

    /** Read for each page shown, never kept in the session. */
    private transient Map<String, String> secrets;

    /** The form: a new platform while {@code version} is null, else the one being edited. */
    private String code;

    private Long version;
    private String name;
    private String domain;
    private String webhookUrl;
    private List<String> events = new ArrayList<>(PlatformAdministration.kinds());

    @PostConstruct
    void load() {
        rows = administration.platforms();
    }

    void reloadAfter(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal) {
        load();
    }

    public void save() {
        boolean adding = version == null;
        administration.save(code, version, name, domain, events, webhookUrl);
        messages.info(null, adding ? "platforms.added" : "platforms.saved", name.strip());
        clear();
        load();
    }

    public void edit(PlatformAdministration.Row row) {
        code = row.code();
        version = row.version();
        name = row.name();
        domain = row.domain();
        webhookUrl = row.webhookUrl();
        events = new ArrayList<>(row.events());
    }

    public void clear() {
        code = null;
        version = null;
        name = null;
        domain = null;
        webhookUrl = null;
        events = new ArrayList<>(PlatformAdministration.kinds());
    }

    public void deactivate(PlatformAdministration.Row row) {
        administration.deactivate(row.code(), row.version());
        messages.info(null, "platforms.deactivated", row.name());
        load();
    }

    public void reactivate(PlatformAdministration.Row row) {
        administration.reactivate(row.code(), row.version());
        messages.info(null, "platforms.reactivated", row.name());
        load();
    }

    public void issueCredential(PlatformAdministration.Row row) {
        issued.issued(row.name(), administration.newCredential(row.code()));
        load();
    }

    public void sendTestEvent(PlatformAdministration.Row row) {
        administration.sendTestEvent(row.code());
        messages.info(null, "platforms.testSent", row.name());
        load();
    }

    public List<String> getKinds() {
        return PlatformAdministration.kinds();
    }

    public List<PlatformAdministration.Row> getRows() {
        return rows;
    }

    public String secretOf(String code) {
        if (secrets == null) {
            secrets = new HashMap<>();
        }
        return secrets.computeIfAbsent(code, administration::signingSecret);
    }

    public boolean isEditing() {
        return version != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
