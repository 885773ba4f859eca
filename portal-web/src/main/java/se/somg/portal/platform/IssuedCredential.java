package se.somg.portal.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A platform credential just made, for the page that answers the press of "New credential" and for nothing else:
 * kept by no session, no view and no database (only its hash is).
 */
@Named("issuedCredential")
@RequestScoped
public class IssuedCredential {

    private String value;
    private String platform;

    void issued(String platform, String value) {
        this.platform = platform;
        this.value = value;
    }

    public String getValue() {
        return value;
    }

    public String getPlatform() {
        return platform;
    }
}
