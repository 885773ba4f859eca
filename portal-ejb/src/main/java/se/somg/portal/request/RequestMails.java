package se.somg.portal.request;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import se.somg.portal.Sweden;
import se.somg.portal.account.Customer;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.MailTemplates.Link;
import se.somg.portal.mail.Outbox;
import se.somg.portal.mail.OutboxMessage;

/** Tells the customer, in their language, about each step of their request or complaint. */
@Dependent
class RequestMails {

    private static final Link REQUESTS = new Link("/customer/requests.xhtml");

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    void filed(Customer customer, SubjectRequest request) {
        send(customer, "request.filed", kind(customer, request), date(request.getEffectiveDueAt()), REQUESTS);
    }

    void started(Customer customer, SubjectRequest request) {
        send(customer, "request.started", kind(customer, request), date(request.getEffectiveDueAt()), REQUESTS);
    }

    void extended(Customer customer, SubjectRequest request) {
        send(
                customer,
                "request.extended",
                kind(customer, request),
                date(request.getEffectiveDueAt()),
                request.getExtensionReason(),
                REQUESTS);
    }

    void completed(Customer customer, SubjectRequest request) {
        if (request.getKind() == RequestKind.ERASURE) {
            // the last mail to this address: its address and text are wiped once it has gone
            OutboxMessage last = send(customer, "request.erased", note(request));
            if (last != null) {
                last.eraseAfterSending();
            }
        } else {
            send(customer, "request.completed", kind(customer, request), note(request), REQUESTS);
        }
    }

    void rejected(Customer customer, SubjectRequest request) {
        send(customer, "request.rejected", kind(customer, request), request.getResolution(), REQUESTS);
    }

    void contractEnded(Customer customer, java.time.LocalDate anonymisedOn) {
        send(customer, "contract.ended", anonymisedOn.toString(), REQUESTS);
    }

    void complaintFiled(Customer customer) {
        send(customer, "complaint.filed", REQUESTS);
    }

    void complaintAnswered(Customer customer, Complaint complaint) {
        send(customer, "complaint.answered", complaint.getAnswer(), REQUESTS);
    }

    private OutboxMessage send(Customer customer, String key, Object... arguments) {
        if (customer.isAnonymised()) {
            return null; // no one left to write to
        }
        return outbox.enqueue(
                customer.getCredential().getId(),
                mails.compose(customer.getEmail(), customer.getPreferredLanguage(), key, arguments));
    }

    private String kind(Customer customer, SubjectRequest request) {
        return mails.word(customer.getPreferredLanguage(), "kind." + request.getKind());
    }

    private static String note(SubjectRequest request) {
        return request.getResolution() == null ? "" : request.getResolution();
    }

    private static String date(OffsetDateTime at) {
        return at.atZoneSameInstant(Sweden.ZONE).toLocalDate().toString();
    }
}
