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
import se.somg.portal.retention.Anonymisation;

/** What a completed request does to the customer's data. A rectification is done by hand and only noted. */
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

    void carryOut(Customer customer, RequestKind kind) {
        switch (kind) {
            case ERASURE -> anonymisation.anonymise(List.of(customer.getId()));
            case RESTRICTION -> {
                customer.setRestrictedAt(OffsetDateTime.now(clock));
                tell(customer, CustomerChange.Kind.RESTRICTION_IN_FORCE);
            }
            case OBJECTION -> {
                stopMarketing(customer);
                tell(customer, CustomerChange.Kind.OBJECTION_IN_FORCE);
            }
            case RECTIFICATION -> {
                // staff corrected the data by hand; the rectification history records what changed
            }
        }
    }

    /** Every platform holding the person must carry it out and confirm it (an erasure tells them itself). */
    private void tell(Customer customer, CustomerChange.Kind kind) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        platformsTold.fire(new CustomerChange(customer.getId(), kind, Map.of("since", now.toString()), now));
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
