package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/** Changing the password, asking for a reset link, and choosing a new password from that link. */
@Named
@RequestScoped
public class PasswordPage {

    @EJB
    private PasswordService passwords;

    @Inject
    private Messages messages;

    @Inject
    private Language language;

    private String email;
    private String current;
    private String password;
    private String repeat;
    private String token;
    private boolean done;

    public void change() {
        if (!matches("change")) {
            return;
        }
        int generation = passwords.change(chars(current), chars(password));
        // every other session of the account has ended; this one goes on
        SignedInCaller.renew(
                (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequest(),
                generation);
        done = true;
        messages.info(null, "password.changed");
    }

    public void requestReset() {
        if (PersonRules.checkEmail(email).isPresent()) {
            messages.report("forgot", new InvalidInput(Map.of("email", "profile.email.invalid")));
            return;
        }
        passwords.requestReset(email, language.getCode());
        done = true;
        messages.info(null, "password.resetSent");
    }

    public void reset() {
        token = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("token");
        if (!matches("reset")) {
            return;
        }
        passwords.reset(token, chars(password));
        done = true;
        messages.info(null, "password.resetDone");
    }

    private boolean matches(String form) {
        if (password == null || !password.equals(repeat)) {
            messages.report(form, new InvalidInput(Map.of("repeat", "password.repeat.different")));
            return false;
        }
        return true;
    }

    private static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }

    public boolean isDone() {
        return done;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
