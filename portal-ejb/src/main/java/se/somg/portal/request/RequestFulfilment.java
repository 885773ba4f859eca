package se.somg.portal.request;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.kernel.PlatformConfirmations;
import se.somg.portal.retention.Anonymisation;

/**
 * What a completed request does to the customer's data, in the portal and on SOMG's platforms. An erasure,
 * restriction or objection is told to every platform holding the person and is done only when each has confirmed it
 * (policy §7); the portal erases its own data last, so the customer can follow the platforms' confirmations and gets
 * the confirmation mail at the address it still has. A rectification is done by hand and only noted.
 */
@Dependent
class RequestFulfilment {

    @Inject
    private Clock clock;

    @Inject
    private Anonymisation anonymisation;

    @Inject
    private ConsentLedger consents;

    @Inject
    private Caller caller;

    @Inject
    private Event<CustomerChange> platformsTold;

    @Inject
    private PlatformConfirmations confirmations;

    /**
     * Carries out the portal's part that may come before the platforms' and tells the platforms.
     *
     * @return whether platforms must confirm before the request is completed
     */
    boolean carryOut(Customer customer, RequestKind kind) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (kind) {
            case ERASURE -> {} // the portal's own data goes last, see finish
            case RESTRICTION -> customer.setRestrictedAt(now);
            case OBJECTION -> stopMarketing(customer);
            case RECTIFICATION -> {
                return false; // staff corrected the data by hand; the rectification history records what changed
            }
        }
        CustomerChange.Kind change = platformChange(kind);
        // an erasure's data is the reference alone, as the retention run's erasure has it
        Map<String, Object> data = kind == RequestKind.ERASURE ? Map.of() : Map.of("since", now.toString());
        platformsTold.fire(new CustomerChange(customer.getId(), change, data, now));
        boolean awaited = confirmations.outstanding(customer.getId(), change) > 0;
        if (awaited && kind == RequestKind.ERASURE && !customer.isRestricted()) {
            customer.setRestrictedAt(now); // nothing more is done with the data while the platforms erase theirs
        }
        return awaited;
    }

    /** The portal's part that comes after the platforms': an erasure, once every platform has confirmed it. */
    void finish(Customer customer, RequestKind kind) {
        // the retention run may have anonymised the account while the platforms confirmed: once is enough
        if (kind == RequestKind.ERASURE && customer.getAnonymisedAt() == null) {
            anonymisation.anonymise(List.of(customer.getId()));
        }
    }

    /** How many platforms still owe the confirmation of what a request of this kind told them. */
    long outstanding(Customer customer, RequestKind kind) {
        return kind == RequestKind.RECTIFICATION
                ? 0
                : confirmations.outstanding(customer.getId(), platformChange(kind));
    }

    /** The change a platform is told for a request of this kind. */
    static CustomerChange.Kind platformChange(RequestKind kind) {
        return switch (kind) {
            case ERASURE -> CustomerChange.Kind.ERASURE_DONE;
            case RESTRICTION -> CustomerChange.Kind.RESTRICTION_IN_FORCE;
            case OBJECTION -> CustomerChange.Kind.OBJECTION_IN_FORCE;
            case RECTIFICATION -> throw new IllegalArgumentException("a rectification is told as it is made");
        };
    }

    /** GDPR art. 21(3): after an objection to direct marketing, no marketing at all. */
    private void stopMarketing(Customer customer) {
        for (ConsentPurpose purpose : consents.purposes()) {
            if (purpose.isGatesMarketing()) {
                consents.change(
                        customer.getId(),
                        purpose.getCode(),
                        false,
                        ConsentMethod.STAFF,
                        caller.actor(),
                        OffsetDateTime.now(clock));
            }
        }
    }
}
