package se.somg.portal.profile;

import static se.somg.portal.kernel.Role.Names.CUSTOMER;

import jakarta.annotation.security.PermitAll;
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
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.AccountCreation;
import se.somg.portal.account.AccountToken;
import se.somg.portal.account.Credential;
import se.somg.portal.account.CurrentCustomer;
import se.somg.portal.account.Customer;
import se.somg.portal.account.LoginGuard;
import se.somg.portal.account.TokenPurpose;
import se.somg.portal.account.Tokens;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

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
    private Tokens tokens;

    @Inject
    private AccountCreation accounts;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private LoginGuard guard;

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

    /**
     * The new address takes effect only when its owner opens the link; both addresses are told. It takes the
     * current password (a stolen session alone cannot move the account), and an address that already has an
     * account gets the same answer: only that address's owner is told, so the page reveals no one's account.
     */
    public void requestEmailChange(String newEmail, char[] password) {
        PersonRules.checkEmail(newEmail).ifPresent(key -> {
            throw new InvalidInput(Map.of("email", key));
        });
        Customer customer = current.get();
        String address = Credential.normalise(newEmail);
        if (address.equals(customer.getEmail())) {
            throw new InvalidInput(Map.of("email", "profile.email.same"));
        }
        long credentialId = customer.getCredential().getId();
        if (!guard.confirmOwn(credentialId, password)) {
            throw new InvalidInput(Map.of("password", "password.current.wrong"));
        }
        // a few changes a day: the portal must not be made to mail any address without end
        if (!outbox.mayWrite(credentialId, "emailChange.old", 5, java.time.Duration.ofDays(1))) {
            throw new Refusal("profile.email.tooMany");
        }
        String language = customer.getPreferredLanguage();
        cancelPending(customer.getCredential());
        // the change waits for confirmation in both cases, so the page shows the same: an address that has an
        // account gets no link (its confirmation would be refused anyway), only its owner is told
        String token = tokens.issue(customer.getCredential(), TokenPurpose.CONFIRM_EMAIL_CHANGE, address);
        java.util.Optional<Credential> taken = accounts.find(address);
        if (taken.isPresent()) {
            String ownersLanguage = em
                    .createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                    .setParameter("credentialId", taken.get().getId())
                    .getResultList()
                    .stream()
                    .map(Customer::getPreferredLanguage)
                    .findFirst()
                    .orElse(language);
            if (outbox.mayWrite(taken.get().getId(), "emailChange.taken", 3, java.time.Duration.ofDays(1))) {
                outbox.enqueue(taken.get().getId(), mails.compose(address, ownersLanguage, "emailChange.taken"));
            }
        } else {
            outbox.enqueue(
                    credentialId,
                    mails.compose(
                            address,
                            language,
                            "emailChange.new",
                            new MailTemplates.Link("/confirm-email.xhtml?token=" + token)));
        }
        outbox.enqueue(credentialId, mails.compose(customer.getEmail(), language, "emailChange.old", address));
    }

    /** A change asked for and not confirmed yet is forgotten: its link no longer works. */
    public void cancelEmailChange() {
        cancelPending(current.get().getCredential());
    }

    private void cancelPending(Credential credential) {
        em.createQuery(
                        "DELETE FROM AccountToken t WHERE t.credential = :credential AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("credential", credential)
                .setParameter("purpose", TokenPurpose.CONFIRM_EMAIL_CHANGE)
                .executeUpdate();
    }

    /**
     * Anyone holding the link may open it: it proves the new address is the customer's. Every session of the
     * account ends: whoever knew the old address and password is out.
     *
     * @return the account, and the session generation a session of it must now carry
     */
    @PermitAll
    public ConfirmedChange confirmEmailChange(String token) {
        AccountToken redeemed = tokens.redeem(token, TokenPurpose.CONFIRM_EMAIL_CHANGE);
        Credential credential = redeemed.getCredential();
        if (accounts.exists(redeemed.getNewEmail())) {
            throw new Refusal("account.email.taken");
        }
        String old = credential.getEmail();
        credential.changeEmail(redeemed.getNewEmail());
        Customer customer = em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getSingleResult();
        rectified(customer.getId(), ProfileField.EMAIL, OffsetDateTime.now(clock));
        for (String to : List.of(old, credential.getEmail())) {
            outbox.enqueue(
                    credential.getId(),
                    mails.compose(to, customer.getPreferredLanguage(), "emailChanged", credential.getEmail()));
        }
        tokens.revokeAll(credential);
        return new ConfirmedChange(credential.getId(), credential.endSessions());
    }

    /** Which account's address changed, and the session generation its sessions must now carry. */
    public record ConfirmedChange(long credentialId, int sessionGeneration) implements java.io.Serializable {}

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
        em.persist(new Rectification(customerId, field, now, Rectification.BY_CUSTOMER));
        sources.record(customerId, field, Platform.PORTAL, CollectionCircumstance.SELF_SERVICE, now);
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
