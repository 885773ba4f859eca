package se.somg.portal.preference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.language.Messages;

/** The contact-preferences matrix: channel × kind of message, and the preferred language. */
@Named("preferences")
@ViewScoped
public class PreferencesPage implements Serializable {

    @EJB
    private PreferenceService service;

    @Inject
    private Messages messages;

    private PreferenceMatrix matrix;
    private Map<String, Boolean> cells;
    private String language;

    @PostConstruct
    void load() {
        matrix = service.current();
        cells = new LinkedHashMap<>(matrix.getCells());
        language = matrix.getLanguage();
    }

    public void save() {
        service.update(cells, language);
        load();
        messages.info(null, "preferences.saved");
    }

    /** A cell that may not be switched shows as it was saved, next to the reason at the top of the page. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) InvalidInput invalid) {
        load();
    }

    public List<Channel> getChannels() {
        return List.of(Channel.values());
    }

    public List<MessageKind> getKinds() {
        return List.of(MessageKind.values());
    }

    public String key(Channel channel, MessageKind kind) {
        return PreferenceMatrix.key(channel, kind);
    }

    public boolean fixed(Channel channel, MessageKind kind) {
        return ContactPreference.isFixed(channel, kind);
    }

    public PreferenceMatrix getMatrix() {
        return matrix;
    }

    public Map<String, Boolean> getCells() {
        return cells;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
