package se.somg.portal.preference;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer's channel × kind matrix, their preferred language, and what the letter and phone channels need. */
public class PreferenceMatrix implements Serializable {

    private final Map<String, Boolean> cells = new LinkedHashMap<>();
    private final String language;
    private final boolean hasAddress;
    private final boolean hasPhone;
    private final boolean marketingAllowed;

    public PreferenceMatrix(
            List<ContactPreference> preferences,
            String language,
            boolean hasAddress,
            boolean hasPhone,
            boolean marketingAllowed) {
        preferences.forEach(p -> cells.put(key(p.getChannel(), p.getKind()), p.isEnabled()));
        this.language = language;
        this.hasAddress = hasAddress;
        this.hasPhone = hasPhone;
        this.marketingAllowed = marketingAllowed;
    }

    /** Whether a marketing consent is given, so that marketing cells may be switched on. */
    public boolean isMarketingAllowed() {
        return marketingAllowed;
    }

    public static String key(Channel channel, MessageKind kind) {
        return channel.name() + "_" + kind.name();
    }

    /** Cell key to state, e.g. {@code EMAIL_MARKETING}. */
    public Map<String, Boolean> getCells() {
        return cells;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isHasAddress() {
        return hasAddress;
    }

    public boolean isHasPhone() {
        return hasPhone;
    }
}
