package se.somg.portal.api;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.somg.portal.Busy;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.database.DatabaseOutage;
import se.somg.portal.language.Messages;

/**
 * Every failure of the API answered once, as {@link Problem} JSON with the status that fits: bad input 400,
 * a body that is not the JSON expected 400, not allowed 403, not found 404, wrong method 405, a type the API does
 * not speak 406 or 415, a refused rule 409, too many 429, the database away 503. Anything else is a 500 that
 * names nothing of the inside (and is logged, without the request).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Inject
    private Messages messages;

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof InvalidInput invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            invalid.getProblems().forEach((field, key) -> fields.put(field, messages.text(key)));
            return Problem.response(400, "invalid-input", messages.text("api.problem.invalid"), fields);
        }
        if (cause instanceof Busy) {
            return Response.fromResponse(Problem.response(503, "busy", messages.text("api.problem.busy")))
                    .header("Retry-After", "2")
                    .build();
        }
        if (cause instanceof Refusal refusal && refusal.getMessageKey().endsWith(".unauthorized")) {
            return Response.fromResponse(Problem.response(401, "unauthorized", messages.text(refusal.getMessageKey())))
                    .header("WWW-Authenticate", "Bearer realm=\"platform\"")
                    .build();
        }
        if (cause instanceof Refusal refusal) {
            int status = refusal.getMessageKey().endsWith(".notFound")
                    ? 404
                    : refusal.getMessageKey().endsWith(".tooMany") ? 429 : 409;
            return Problem.response(
                    status,
                    status == 404 ? "not-found" : status == 429 ? "too-many" : "refused",
                    messages.text(refusal.getMessageKey(), refusal.getArguments()));
        }
        if (cause instanceof EJBAccessException || cause instanceof jakarta.ejb.AccessLocalException) {
            return Problem.response(403, "forbidden", messages.text("error.forbidden.text"));
        }
        if (cause instanceof JsonbException
                || cause instanceof JsonException
                || failure instanceof ProcessingException) {
            return Problem.response(400, "unreadable-body", messages.text("api.problem.body"));
        }
        if (cause instanceof NotFoundException) {
            return Problem.response(404, "not-found", messages.text("error.not-found.text"));
        }
        if (cause instanceof NotAllowedException) {
            return Problem.response(405, "method-not-allowed", messages.text("api.problem.method"));
        }
        if (cause instanceof NotAcceptableException) {
            return Problem.response(406, "not-acceptable", messages.text("api.problem.notAcceptable"));
        }
        if (cause instanceof NotSupportedException) {
            return Problem.response(415, "unsupported-media-type", messages.text("api.problem.mediaType"));
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problem.response(
                    status, "bad-request", messages.text(status == 403 ? "error.forbidden.text" : "api.problem.bad"));
        }
        if (DatabaseOutage.isCause(failure)) {
            // as the pages answer an outage: at once, with when to try again
            return Response.fromResponse(Problem.response(503, "unavailable", messages.text("error.unavailable.text")))
                    .header("Retry-After", "10")
                    .build();
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return Problem.response(500, "failed", messages.text("error.error.text"));
    }

    /** The failure the caller caused, out of the EJB and CDI wrappers around it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; depth < 10 && t != null; depth++) {
            if (t instanceof InvalidInput
                    || t instanceof Refusal
                    || t instanceof EJBAccessException
                    || t instanceof jakarta.ejb.AccessLocalException
                    || t instanceof JsonbException
                    || t instanceof JsonException
                    || t instanceof WebApplicationException) {
                return t;
            }
            Throwable next = t instanceof jakarta.ejb.EJBException ejb && ejb.getCausedByException() != null
                    ? ejb.getCausedByException()
                    : t.getCause();
            if (next == null || next == t) {
                break;
            }
            t = next;
        }
        return failure instanceof WebApplicationException ? failure : t;
    }
}
