package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.language.Messages;

/**
 * "Your account at SOMG": the page of the invitation a platform's customer gets. It shows the policy and the data
 * already held, with where each came from, before the person chooses a password and the account opens.
 */
@Named("claimPage")
@RequestScoped
public class ClaimPage {

    @EJB
    private PlatformInvitations invitations;

    @Inject
    private Messages messages;

    private PlatformInvitations.Invitation invitation;
    private boolean looked;
    private boolean done;
    private String password;
    private String repeat;

    public PlatformInvitations.Invitation getInvitation() {
        if (!looked) {
            looked = true;
            invitation = invitations.preview(token()).orElse(null);
        }
        return invitation;
    }

    public void claim() {
        if (password == null || !password.equals(repeat)) {
            messages.report("claim", new InvalidInput(Map.of("repeat", "password.repeat.different")));
            return;
        }
        invitations.claim(token(), password.toCharArray());
        password = null;
        repeat = null;
        done = true;
        messages.info(null, "claim.done");
    }

    private static String token() {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("token");
    }

    public boolean isDone() {
        return done;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
