package se.somg.portal.error;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.ResourceBundle;
import se.somg.portal.language.Messages;

/** Tells the person why the page they were working on was reloaded ({@link PortalExceptionHandlerFactory}). */
public class ReloadedPageNotice implements PhaseListener {

    static final String PARAMETER = "reloaded";

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.isPostback()
                && faces.getExternalContext().getRequestParameterMap().containsKey(PARAMETER)) {
            String text = ResourceBundle.getBundle(
                            Messages.BUNDLE, faces.getViewRoot().getLocale())
                    .getString("view.reloaded");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {}

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
