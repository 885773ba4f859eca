package se.somg.portal.error;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import se.somg.portal.database.DatabaseOutage;

/**
 * What a Faces request meets that the page itself cannot answer, answered in one place:
 * <ul>
 *     <li>a business rule's "no" to an action (invalid input, a refusal) is told on the same page
 *     ({@link ActionProblems}); no page catches it itself;</li>
 *     <li>a form whose page is no longer known (the session keeps the last few pages of a customer; an older tab,
 *     or a session that ended) reloads that page, saying so ({@link ReloadedPageNotice}), instead of failing;</li>
 *     <li>an ajax request (a PrimeFaces button, a poll) that meets a database outage is sent to the "temporarily
 *     unavailable" page; full-page requests are left to {@code DatabaseUnavailableFilter};</li>
 *     <li>a request that fails before any action runs (while its view is restored, its values read and checked) was
 *     not made by the portal's own page: a tampered form, a missing CSP nonce. It is a bad request, 400, answered by
 *     the portal's error page ({@link ErrorPages}), not a server error.</li>
 * </ul>
 */
public class PortalExceptionHandlerFactory extends ExceptionHandlerFactory {

    public PortalExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(PortalExceptionHandlerFactory.class.getName());

    /** Where the innermost cause was thrown: classes and lines only, never a value. */
    static String where(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = root.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++) {
            frames.append(i == 0 ? "" : " < ").append(trace[i]);
        }
        return frames.toString();
    }

    /** The classes of a failure and its causes, outermost first. */
    public static String kinds(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            kinds.append(kinds.length() == 0 ? "" : " < ").append(t.getClass().getName());
        }
        return kinds.toString();
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null) {
                for (Iterator<ExceptionQueuedEvent> events =
                                getUnhandledExceptionQueuedEvents().iterator();
                        events.hasNext(); ) {
                    ExceptionQueuedEventContext event = events.next().getContext();
                    Throwable failure = event.getException();
                    String target = answer(faces, failure);
                    if (target != null) {
                        events.remove();
                        redirect(faces.getExternalContext(), target);
                        faces.responseComplete();
                    } else if (event.getPhaseId() == PhaseId.INVOKE_APPLICATION
                            && ActionProblems.tell(faces, failure)) {
                        events.remove();
                    } else if (isBadRequest(event.getPhaseId(), failure)) {
                        events.remove();
                        // what was wrong, by kind only: the request's values may be personal data
                        LOG.info("bad request in " + event.getPhaseId() + ": " + kinds(failure) + " at "
                                + where(failure));
                        badRequest(faces);
                    }
                }
            }
            getWrapped().handle();
        }

        /** @return where to send the browser, or null to leave the failure to the container's error pages */
        private static String answer(FacesContext faces, Throwable failure) {
            ViewExpiredException expired = Causes.find(failure, ViewExpiredException.class);
            if (expired != null && isOwnPage(expired.getViewId())) {
                return expired.getViewId() + "?" + ReloadedPageNotice.PARAMETER;
            }
            if (faces.getPartialViewContext().isAjaxRequest() && DatabaseOutage.isCause(failure)) {
                return "/error/unavailable.xhtml";
            }
            return null;
        }

        private static boolean isBadRequest(PhaseId phase, Throwable failure) {
            return (phase == PhaseId.RESTORE_VIEW
                            || phase == PhaseId.APPLY_REQUEST_VALUES
                            || phase == PhaseId.PROCESS_VALIDATIONS)
                    && !DatabaseOutage.isCause(failure);
        }

        private static void badRequest(FacesContext faces) {
            try {
                faces.getExternalContext().responseSendError(400, null);
            } catch (IOException | IllegalStateException alreadyAnswered) {
                // the response is already on its way; nothing more can be said
            }
            faces.responseComplete();
        }

        /** Only a page path of this application: nothing that could lead the browser to another site. */
        private static boolean isOwnPage(String viewId) {
            return viewId != null && viewId.matches("(/[A-Za-z0-9_-]+)+\\.xhtml");
        }

        private static void redirect(ExternalContext external, String target) {
            try {
                external.redirect(external.getRequestContextPath() + target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException alreadyAnswered) {
                // the redirect is already under way for an earlier event of this request
            }
        }
    }
}
