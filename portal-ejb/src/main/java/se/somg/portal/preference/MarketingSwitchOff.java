package se.somg.portal.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.consent.MarketingNoLongerAllowed;
import se.somg.portal.profile.ProfileField;
import se.somg.portal.profile.Rectification;

/**
 * Without a consent that allows marketing, every marketing channel of the customer's contact preferences is switched
 * off in the same transaction, each change recorded as the customer's own rectification.
 */
@ApplicationScoped
public class MarketingSwitchOff {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Preferences preferences;

    void switchOff(@Observes MarketingNoLongerAllowed ended) {
        for (ContactPreference cell : preferences.of(ended.customerId())) {
            if (cell.getKind() == MessageKind.MARKETING && cell.isEnabled()) {
                cell.setEnabled(false);
                em.persist(new Rectification(
                        ended.customerId(), ProfileField.CONTACT_PREFERENCE, ended.at(), Rectification.BY_CUSTOMER));
            }
        }
    }
}
