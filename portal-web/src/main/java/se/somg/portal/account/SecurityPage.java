package se.somg.portal.account;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import se.somg.portal.Sweden;
import se.somg.portal.language.Messages;

/**
 * "Security": two-step verification (an authenticator app), passkeys, recovery codes and the person's own recent
 * sign-ins. For a staff member who has no second factor yet it is the only page there is; once one is enrolled, the
 * session gets the staff member's roles.
 */
@Named("security")
@ViewScoped
public class SecurityPage implements Serializable {

    @EJB
    private SecondFactors factors;

    @EJB
    private SignInHistory history;

    @Inject
    private Messages messages;

    private SecondFactors.AppSetup appSetup;
    private String appCode;
    private String password;
    private String code;
    private String passkeyResponse;
    private boolean enrolledNow;
    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient SecondFactors.Overview overview;
    private transient SignInHistory.History signIns;
    /** Shown once, in the answer to the action that made them; never kept in the session. */
    private transient List<String> recoveryCodes;

    public SecondFactors.Overview getOverview() {
        if (overview == null) {
            overview = factors.overview();
        }
        return overview;
    }

    public SignInHistory.History getSignIns() {
        if (signIns == null) {
            signIns = history.mine(DeviceCookie.of(request()).orElse(null));
        }
        return signIns;
    }

    public void startApp() {
        appSetup = factors.startApp();
    }

    public void confirmApp() {
        SecondFactors.Enrolment enrolment = factors.confirmApp(appCode);
        appCode = null;
        appSetup = null;
        enrolled(enrolment, "security.app.on");
    }

    public void cancelApp() {
        appSetup = null;
    }

    public void addPasskey() {
        byte[] challenge = PasskeyChallenge.take(request(), PasskeyChallenge.Purpose.REGISTRATION)
                .orElse(null);
        String response = passkeyResponse;
        passkeyResponse = null;
        if (challenge == null || response == null) {
            messages.error(null, "passkey.failed");
            return;
        }
        enrolled(factors.addPasskey(response, challenge, passkeyName()), "passkey.added");
    }

    public void removeApp() {
        factors.removeApp(chars(password), code);
        removed("security.app.removed");
    }

    public void removePasskey(long id) {
        factors.removePasskey(id, chars(password), code);
        removed("passkey.removed");
    }

    public void renewRecoveryCodes() {
        recoveryCodes = factors.renewRecoveryCodes(chars(password));
        password = null;
        code = null;
        overview = null;
        messages.info(null, "security.recovery.renewed");
    }

    private void enrolled(SecondFactors.Enrolment enrolment, String message) {
        HttpServletRequest request = request();
        boolean wasEnrolling =
                SignedInCaller.of(request).map(SignedInCaller::isEnrolling).orElse(false);
        if (wasEnrolling) {
            // the staff member's roles from the next request on, on any node; a new session id for the new rights
            request.changeSessionId();
            SignedInCaller.withRoles(request, enrolment.groups());
            enrolledNow = true;
        }
        recoveryCodes = enrolment.recoveryCodes().isEmpty() ? null : enrolment.recoveryCodes();
        overview = null;
        messages.info(null, message);
    }

    private void removed(String message) {
        password = null;
        code = null;
        overview = null;
        messages.info(null, message);
    }

    /** A passkey is named by where it was made ("Chrome on Android, 2026-12-07"): the portal asks for no free text. */
    private String passkeyName() {
        BrowserFamily family = BrowserFamily.of(request().getHeader("User-Agent"));
        return messages.text("passkey.name", family.browser(), family.operatingSystem(), LocalDate.now(Sweden.ZONE));
    }

    /** Where a staff member who just enrolled goes on to. */
    public String getHome() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.getRequestContextPath()
                + SignedInCaller.of(request())
                        .map(caller -> Landing.homeFor(caller.roles()))
                        .orElse(Landing.LOGIN);
    }

    public boolean isEnrolling() {
        return SignedInCaller.of(request()).map(SignedInCaller::isEnrolling).orElse(false);
    }

    public String getQrCode() {
        return appSetup == null ? null : QrCode.svg(appSetup.keyUri(), messages.text("security.app.qr"));
    }

    /** The key in groups of four, as people copy it. */
    public String getSecret() {
        return appSetup == null ? null : appSetup.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public boolean isSettingUpApp() {
        return appSetup != null;
    }

    public boolean isEnrolledNow() {
        return enrolledNow;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getAppCode() {
        return appCode;
    }

    public void setAppCode(String appCode) {
        this.appCode = appCode;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPasskeyResponse() {
        return passkeyResponse;
    }

    public void setPasskeyResponse(String passkeyResponse) {
        this.passkeyResponse = passkeyResponse;
    }
}
