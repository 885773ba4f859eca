package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.language.Messages;

/**
 * A new staff member's link: choose a password, and be signed in at once, only to enrol a second factor (the
 * security page) before anything else.
 */
@Named
@RequestScoped
public class SetupPage {

    @EJB
    private StaffSetup setup;

    @EJB
    private LoginGuard guard;

    @Inject
    private SignInCompletion completion;

    @Inject
    private Messages messages;

    private String name;
    private Boolean valid;
    private boolean done;
    private String password;
    private String repeat;

    /** View action: says so when the link no longer works. */
    public void onLoad() {
        if (!isValid()) {
            messages.error(null, "link.invalid");
        }
    }

    public void choosePassword() throws IOException {
        if (password == null || !password.equals(repeat)) {
            messages.report("setup", new InvalidInput(Map.of("repeat", "password.repeat.different")));
            return;
        }
        String email = setup.choosePassword(token(), password.toCharArray());
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        LoginOutcome outcome = guard.attempt(
                email, password.toCharArray(), DeviceCookie.of(request).orElse(null), request.getHeader("User-Agent"));
        password = null;
        repeat = null;
        done = true;
        switch (outcome.getKind()) {
            case SUCCEEDED -> completion.complete(outcome);
            case SECOND_FACTOR -> {
                PendingSignIn.of(outcome, System.currentTimeMillis()).keepIn(request);
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .redirect(request.getContextPath() + SecondStep.PAGE);
            }
            default -> messages.info(null, "setup.done");
        }
    }

    private static String token() {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("token");
    }

    public String getName() {
        return name;
    }

    /** Whether the link works (asked on the page and again when its form is posted, which carries the token). */
    public boolean isValid() {
        if (valid == null) {
            name = setup.invitee(token()).orElse(null);
            valid = name != null;
        }
        return valid && !done;
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
