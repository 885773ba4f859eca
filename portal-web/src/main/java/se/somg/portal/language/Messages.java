package se.somg.portal.language;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
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
            UIComponent component = clientId == null ? null : onPage(faces, clientId);
            if (component != null) {
                error(clientId, key);
                // the field itself is marked too (aria-invalid, the error style), as a converter's refusal marks it
                if (component instanceof EditableValueHolder input) {
                    input.setValid(false);
                }
            } else if (toldAtTop.add(key)) {
                error(null, key);
            }
        });
        faces.validationFailed();
    }

    private static UIComponent onPage(FacesContext faces, String clientId) {
        try {
            return faces.getViewRoot().findComponent(clientId);
        } catch (IllegalArgumentException notAContainer) {
            return null;
        }
    }

    private void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
