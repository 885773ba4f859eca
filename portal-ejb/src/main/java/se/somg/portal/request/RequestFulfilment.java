package se.somg.portal.request;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentLedger;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.kernel.Caller;
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

    void carryOut(Customer customer, RequestKind kind) {
        switch (kind) {
            case ERASURE -> anonymisation.anonymise(List.of(customer.getId()));
            case RESTRICTION -> customer.setRestrictedAt(OffsetDateTime.now(clock));
            case OBJECTION -> stopMarketing(customer);
            case RECTIFICATION -> {
                // staff corrected the data by hand; the rectification history records what changed
            }
        }
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
