package se.somg.portal.error;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import java.util.Iterator;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.language.Messages;

/**
 * A business rule's "no" to a page's action, told on the page that asked, in one place for every page: input that
 * breaks a rule ({@link InvalidInput}) next to each field of the form that was sent, a refusal ({@link Refusal}) at
 * the top of the page. The same page is shown again with what the person typed, and nothing was written (the
 * service's transaction was rolled back).
 * <p>
 * A page whose data may have changed under it (someone else handled the request, the row's version moved on)
 * reloads it by observing the rule's answer, for example
 * {@code void reload(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal)}: only a page of the current
 * view hears it.
 */
final class ActionProblems {

    private ActionProblems() {}

    /** @return whether the failure was a rule's answer, now told to the person */
    static boolean tell(FacesContext faces, Throwable failure) {
        InvalidInput invalid = Causes.find(failure, InvalidInput.class);
        Refusal refusal = invalid == null ? Causes.find(failure, Refusal.class) : null;
        if (invalid == null && refusal == null) {
            return false;
        }
        CDI<Object> cdi = CDI.current();
        Messages messages = cdi.select(Messages.class).get();
        if (invalid != null) {
            messages.report(submittedForm(faces), invalid);
            cdi.getBeanManager().getEvent().select(InvalidInput.class).fire(invalid);
        } else {
            messages.error(null, refusal.getMessageKey(), refusal.getArguments());
            faces.validationFailed();
            cdi.getBeanManager().getEvent().select(Refusal.class).fire(refusal);
        }
        return true;
    }

    /** The form whose button was pressed, or null for a view action (a link that was opened). */
    private static String submittedForm(FacesContext faces) {
        UIForm form = submitted(faces.getViewRoot());
        return form == null ? null : form.getClientId(faces);
    }

    private static UIForm submitted(UIComponent component) {
        if (component instanceof UIForm form) {
            return form.isSubmitted() ? form : null;
        }
        for (Iterator<UIComponent> children = component.getFacetsAndChildren(); children.hasNext(); ) {
            UIForm found = submitted(children.next());
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
