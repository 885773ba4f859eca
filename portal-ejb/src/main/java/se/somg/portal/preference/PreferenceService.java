package se.somg.portal.preference;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.PortalLanguage;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.consent.ConsentService;
import se.somg.portal.kernel.CustomerChange;
import se.somg.portal.profile.ProfileField;
import se.somg.portal.profile.Rectification;

/**
 * How a customer wants to be contacted (policy §10: e-mail, letter, phone, the portal inbox) for each kind of
 * message (§4). Changes take effect at once and are recorded like rectifications.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class PreferenceService {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private Event<CustomerChange> platformsTold;

    @Inject
    private Preferences preferences;

    @EJB
    private ConsentService consents;

    public PreferenceMatrix current() {
        Customer customer = current.get();
        return new PreferenceMatrix(
                preferences.of(customer.getId()),
                customer.getPreferredLanguage(),
                customer.getPostalAddress() != null
                        && customer.getPostalAddress().isKnown(),
                customer.getPhone() != null,
                consents.marketingAllowed(customer.getId()));
    }

    /**
     * @param wanted   cell key ({@link PreferenceMatrix#key}) to wanted state; missing cells stay as they are
     * @param language "sv" or "en"
     */
    public void update(Map<String, Boolean> wanted, String language) {
        Customer customer = current.get();
        boolean hasAddress = customer.getPostalAddress() != null
                && customer.getPostalAddress().isKnown();
        List<ContactPreference> cells = preferences.of(customer.getId());
        Map<String, String> problems = new LinkedHashMap<>();
        Map<ContactPreference, Boolean> changes = new LinkedHashMap<>();
        for (ContactPreference cell : cells) {
            String key = PreferenceMatrix.key(cell.getChannel(), cell.getKind());
            boolean desired = wanted.getOrDefault(key, cell.isEnabled());
            if (desired == cell.isEnabled()) {
                continue;
            }
            if (!desired && ContactPreference.isFixed(cell.getChannel(), cell.getKind())) {
                problems.put(key, "preferences.portal.fixed");
            } else if (desired
                    && cell.getKind() == MessageKind.MARKETING
                    && !consents.marketingAllowed(customer.getId())) {
                problems.put(key, "preferences.marketing.consent");
            } else if (desired && cell.getChannel() == Channel.LETTER && !hasAddress) {
                problems.put(key, "preferences.letter.address");
            } else if (desired && cell.getChannel() == Channel.PHONE && customer.getPhone() == null) {
                problems.put(key, "preferences.phone.number");
            } else {
                changes.put(cell, desired);
            }
        }
        if (language != null && PortalLanguage.parse(language).isEmpty()) {
            problems.put("language", "preferences.language.invalid");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!changes.isEmpty()) {
            Map<String, Object> told = new LinkedHashMap<>();
            changes.forEach(
                    (cell, desired) -> told.put(PreferenceMatrix.key(cell.getChannel(), cell.getKind()), desired));
            platformsTold.fire(
                    new CustomerChange(customer.getId(), CustomerChange.Kind.PREFERENCES_CHANGED, told, now));
        }
        changes.forEach((cell, desired) -> {
            cell.setEnabled(desired);
            em.persist(new Rectification(
                    customer.getId(), ProfileField.CONTACT_PREFERENCE, now, Rectification.BY_CUSTOMER));
        });
        if (language != null && !language.equals(customer.getPreferredLanguage())) {
            customer.setPreferredLanguage(language);
            em.persist(new Rectification(
                    customer.getId(), ProfileField.PREFERRED_LANGUAGE, now, Rectification.BY_CUSTOMER));
        }
    }
}
