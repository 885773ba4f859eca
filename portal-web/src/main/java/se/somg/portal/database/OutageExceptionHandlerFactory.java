package se.somg.portal.database;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * An ajax request (a PrimeFaces button, a poll) that meets a database outage would otherwise get a partial
 * response with an error the page does not show: it is sent to the "temporarily unavailable" page instead.
 * Full-page requests are left to {@link DatabaseUnavailableFilter}.
 */
public class OutageExceptionHandlerFactory extends ExceptionHandlerFactory {

    public OutageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
                for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                    if (DatabaseOutage.isCause(events.next().getContext().getException())) {
                        events.remove();
                        redirect(faces.getExternalContext());
                        faces.responseComplete();
                    }
                }
            }
            getWrapped().handle();
        }

        private static void redirect(ExternalContext external) {
            try {
                external.redirect(external.getRequestContextPath() + "/error/unavailable.xhtml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException alreadyAnswered) {
                // the redirect is already under way for an earlier event of this request
            }
        }
    }
}
