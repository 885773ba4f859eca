package se.somg.portal.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Map;
import se.somg.portal.account.EmailChanged;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.kernel.Platform;

/**
 * A change the customer made themselves: recorded as a rectification (field, time, who; never the old value) and
 * stamped as now coming from the portal, whether made on the profile page or by confirming a new e-mail address.
 */
@ApplicationScoped
public class Rectifications {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DatumSources sources;

    @Inject
    private Event<CustomerChange> platformsTold;

    public void byCustomer(long customerId, ProfileField field, OffsetDateTime now) {
        em.persist(new Rectification(customerId, field, now, Rectification.BY_CUSTOMER));
        sources.record(customerId, field, Platform.PORTAL, CollectionCircumstance.SELF_SERVICE, now);
        platformsTold.fire(new CustomerChange(
                customerId, CustomerChange.Kind.PROFILE_RECTIFIED, Map.of("field", field.name()), now));
    }

    void emailChanged(@Observes EmailChanged changed) {
        byCustomer(changed.customerId(), ProfileField.EMAIL, changed.at());
    }
}
