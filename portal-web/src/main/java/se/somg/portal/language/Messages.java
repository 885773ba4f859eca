package se.somg.portal.language;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import se.somg.portal.InvalidInput;

/** Faces messages from the bundle, in the page's language. */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "se.somg.portal.messages";

    @Inject
    private Language language;

    public String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, language.getLocale()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.getLocale()).format(arguments);
    }

    public void info(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public void warn(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_WARN, key, arguments);
    }

    public void error(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /**
     * Each problem next to its field ({@code formId:field}); a problem without a field on the page (a cell of a
     * matrix, a link that was opened) at the top of the page, each text once.
     */
    public void report(String formId, InvalidInput invalid) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Set<String> toldAtTop = new HashSet<>();
        invalid.getProblems().forEach((field, key) -> {
            String clientId = formId == null ? null : formId + ":" + field;
            if (clientId != null && isOnPage(faces, clientId)) {
                error(clientId, key);
            } else if (toldAtTop.add(key)) {
                error(null, key);
            }
        });
        faces.validationFailed();
    }

    private static boolean isOnPage(FacesContext faces, String clientId) {
        try {
            return faces.getViewRoot().findComponent(clientId) != null;
        } catch (IllegalArgumentException notAContainer) {
            return false;
        }
    }

    private void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
