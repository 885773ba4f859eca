package se.somg.portal.extract;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import se.somg.portal.Refusal;
import se.somg.portal.account.PasskeyChallenge;
import se.somg.portal.account.SecondFactors;
import se.somg.portal.language.Language;
import se.somg.portal.language.Messages;

/**
 * My data: the password check, then the extract as PDF or JSON, streamed straight from the service while the
 * page shows progress; afterwards the list of issued extracts shows each one's SHA-256.
 */
@Named("extract")
@ViewScoped
public class ExtractPage implements Serializable {

    @EJB
    private ExtractService service;

    @EJB
    private SecondFactors secondFactors;

    @Inject
    private PasswordCheck passwordCheck;

    @Inject
    private Language language;

    @Inject
    private Messages messages;

    private String password;
    private String code;
    private String passkeyResponse;
    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient List<ExtractRecord> issued;
    private transient SecondFactors.Overview factors;

    @PostConstruct
    void load() {
        issued = service.issued();
    }

    public void confirmPassword() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        if (passwordCheck.confirm(typed)) {
            messages.info(null, "extract.password.ok");
        } else {
            messages.error("stepUp:password", "extract.password.wrong");
        }
    }

    /** The same step-up with a code from the authenticator app or a recovery code. */
    public void confirmCode() {
        String typed = code;
        code = null;
        if (passwordCheck.confirmCode(typed)) {
            messages.info(null, "extract.password.ok");
        } else {
            messages.error("stepUpCode:code", "extract.code.wrong");
        }
    }

    /** The same step-up with one of the customer's passkeys. */
    public void confirmPasskey() {
        String response = passkeyResponse;
        passkeyResponse = null;
        byte[] challenge = PasskeyChallenge.take(
                        (jakarta.servlet.http.HttpServletRequest)
                                jakarta.faces.context.FacesContext.getCurrentInstance()
                                        .getExternalContext()
                                        .getRequest(),
                        PasskeyChallenge.Purpose.VERIFICATION)
                .orElse(null);
        if (challenge != null && response != null && passwordCheck.confirmPasskey(response, challenge)) {
            messages.info(null, "extract.password.ok");
        } else {
            messages.error(null, "passkey.failed");
        }
    }

    /** Whether the customer can step up with a code or a passkey instead of the password. */
    public SecondFactors.Overview getFactors() {
        if (factors == null) {
            factors = secondFactors.overview();
        }
        return factors;
    }

    public StreamedContent getPdf() {
        return content(ExtractFormat.PDF);
    }

    public StreamedContent getJson() {
        return content(ExtractFormat.JSON);
    }

    /** Refreshes the list after a download, so the new digest shows. */
    public void refresh() {
        load();
    }

    private StreamedContent content(ExtractFormat format) {
        if (!passwordCheck.isFresh()) {
            messages.error(null, "extract.password.required");
            return null;
        }
        try {
            service.checkAllowance();
        } catch (Refusal refusal) {
            messages.error(null, refusal.getMessageKey(), refusal.getArguments());
            return null;
        }
        String code = language.getCode();
        ExtractService extracts = service;
        return DefaultStreamedContent.builder()
                .name("somg-register-extract." + format.extension())
                .contentType(format.mediaType())
                .writer(out -> extracts.write(format, code, out))
                .build();
    }

    public boolean isPasswordFresh() {
        return passwordCheck.isFresh();
    }

    public String getPassword() {
        return password;
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

    public void setPassword(String password) {
        this.password = password;
    }

    public List<ExtractRecord> getIssued() {
        if (issued == null) {
            load();
        }
        return issued;
    }

    public int getPerHour() {
        return ExtractService.PER_HOUR;
    }
}
