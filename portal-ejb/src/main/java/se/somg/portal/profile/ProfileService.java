package se.somg.portal.profile;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.somg.portal.Refusal;
import se.somg.portal.account.AccountToken;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.kernel.PostalAddress;

/**
 * The customer keeps their own data correct (policy §7): every change is checked whole, recorded as a
 * rectification (field, time, who; never the old value) and stamped with where it now comes from.
 */
@Stateless
@RolesAllowed(CUSTOMER)
public class ProfileService {

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentCustomer current;

    @Inject
    private DatumSources sources;

    @Inject
    private Rectifications rectifications;

    public ProfileView view() {
        Customer customer = current.get();
        Map<String, DatumSource> byField = new LinkedHashMap<>();
        sources.of(customer.getId()).forEach((field, source) -> byField.put(field.name(), source));
        List<Interest> interests = em.createQuery(
                        "SELECT i FROM Interest i WHERE i.customerId = :customer ORDER BY i.tag", Interest.class)
                .setParameter("customer", customer.getId())
                .getResultList();
        List<CampaignImage> images = em.createQuery(
                        "SELECT i FROM CampaignImage i WHERE i.customerId = :customer ORDER BY i.collectedAt",
                        CampaignImage.class)
                .setParameter("customer", customer.getId())
                .getResultList();
        List<AccountToken> pending = em.createQuery("""
                        SELECT t FROM AccountToken t WHERE t.credential.id = :credential AND t.purpose = :purpose
                          AND t.usedAt IS NULL AND t.expiresAt > :now ORDER BY t.id DESC""", AccountToken.class)
                .setParameter("credential", customer.getCredential().getId())
                .setParameter("purpose", TokenPurpose.CONFIRM_EMAIL_CHANGE)
                .setParameter("now", OffsetDateTime.now(clock))
                .setMaxResults(1)
                .getResultList();
        return new ProfileView(
                customer,
                byField,
                interests,
                images,
                history(customer.getId()),
                pending.isEmpty() ? null : pending.get(0).getNewEmail());
    }

    /**
     * Saves the form if it was filled in from the current version of the profile.
     *
     * @return the new version
     */
    public long update(ProfileChange change) {
        Customer customer = current.get();
        if (change.getVersion() != customer.getVersion()) {
            throw new Refusal("profile.stale");
        }
        CleanProfile clean = ProfileRules.check(change);
        List<ProfileField> changed = new ArrayList<>();
        if (!Objects.equals(customer.getGivenName(), clean.givenName())) {
            customer.setGivenName(clean.givenName());
            changed.add(ProfileField.GIVEN_NAME);
        }
        if (!Objects.equals(customer.getFamilyName(), clean.familyName())) {
            customer.setFamilyName(clean.familyName());
            changed.add(ProfileField.FAMILY_NAME);
        }
        if (!Objects.equals(customer.getPersonalIdentityNumber(), clean.personalIdentityNumber())) {
            customer.setPersonalIdentityNumber(clean.personalIdentityNumber());
            changed.add(ProfileField.PERSONAL_IDENTITY_NUMBER);
        }
        if (!Objects.equals(customer.getBirthDate(), clean.birthDate())) {
            customer.setBirthDate(clean.birthDate());
            changed.add(ProfileField.BIRTH_DATE);
        }
        if (!sameAddress(customer.getPostalAddress(), clean.postalAddress())) {
            customer.setPostalAddress(clean.postalAddress());
            changed.add(ProfileField.POSTAL_ADDRESS);
        }
        if (!Objects.equals(customer.getPhone(), clean.phone())) {
            customer.setPhone(clean.phone());
            changed.add(ProfileField.PHONE);
        }
        if (!Objects.equals(customer.getOccupation(), clean.occupation())) {
            customer.setOccupation(clean.occupation());
            changed.add(ProfileField.OCCUPATION);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ProfileField field : changed) {
            rectified(customer.getId(), field, now);
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new Refusal("profile.stale");
        }
        return customer.getVersion();
    }

    public void removeInterest(long interestId) {
        Customer customer = current.get();
        Interest interest = em.find(Interest.class, interestId);
        if (interest == null || !interest.getCustomerId().equals(customer.getId())) {
            throw new Refusal("profile.notFound");
        }
        em.remove(interest);
        em.persist(new Rectification(
                customer.getId(), ProfileField.INTEREST, OffsetDateTime.now(clock), Rectification.BY_CUSTOMER));
    }

    public void requestImageDeletion(long imageId) {
        Customer customer = current.get();
        CampaignImage image = ownImage(customer, imageId);
        if (!image.isDeletionRequested()) {
            image.requestDeletion(OffsetDateTime.now(clock));
            em.persist(new Rectification(
                    customer.getId(),
                    ProfileField.CAMPAIGN_IMAGE,
                    OffsetDateTime.now(clock),
                    Rectification.BY_CUSTOMER));
        }
    }

    /** One of the caller's own campaign images, with its content. */
    public CampaignImage image(long imageId) {
        CampaignImage image = ownImage(current.get(), imageId);
        image.getContent();
        return image;
    }

    public List<Rectification> history() {
        return history(current.get().getId());
    }

    private List<Rectification> history(Long customerId) {
        return em.createQuery(
                        "SELECT r FROM Rectification r WHERE r.customerId = :customer ORDER BY r.changedAt DESC, r.id DESC",
                        Rectification.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    private CampaignImage ownImage(Customer customer, long imageId) {
        CampaignImage image = em.find(CampaignImage.class, imageId);
        if (image == null || !image.getCustomerId().equals(customer.getId())) {
            throw new Refusal("profile.notFound");
        }
        return image;
    }

    private void rectified(Long customerId, ProfileField field, OffsetDateTime now) {
        rectifications.byCustomer(customerId, field, now);
    }

    private static boolean sameAddress(PostalAddress a, PostalAddress b) {
        boolean aKnown = a != null && a.isKnown();
        boolean bKnown = b != null && b.isKnown();
        if (!aKnown || !bKnown) {
            return aKnown == bKnown;
        }
        return Objects.equals(a.getStreet(), b.getStreet())
                && Objects.equals(a.getPostcode(), b.getPostcode())
                && Objects.equals(a.getCity(), b.getCity())
                && Objects.equals(a.getCountry(), b.getCountry());
    }
}
