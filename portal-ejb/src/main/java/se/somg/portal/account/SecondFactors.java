package se.somg.portal.account;

import static se.somg.portal.kernel.Role.Names.ADMINISTRATOR;
import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;
import static se.somg.portal.kernel.Role.Names.CUSTOMER;
import static se.somg.portal.kernel.Role.Names.ENROLLING;
import static se.somg.portal.kernel.Role.Names.PRIVACY_OFFICER;
import static se.somg.portal.kernel.Role.Names.SUPPORT;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;
import se.somg.portal.kernel.Caller;
import se.somg.portal.kernel.Role;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.mail.Outbox;

/**
 * The caller's own second factors: an authenticator app, passkeys and the recovery codes. Adding one is proven by
 * using it (a first code, a passkey's signature); removing one takes the password and a current factor (a code or a
 * recovery code). Staff cannot remove their last one. Each change is audited and mailed to the owner.
 */
@Stateless
@RolesAllowed({CUSTOMER, SUPPORT, PRIVACY_OFFICER, COMMUNICATIONS, ADMINISTRATOR, ENROLLING})
public class SecondFactors {

    /** The authenticator apps' name for the portal, shown above the code. */
    public static final String ISSUER = "SOMG";

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private SecondFactorCheck check;

    @Inject
    private RecoveryCodes recoveryCodes;

    @Inject
    private PasskeyCeremonies ceremonies;

    @Inject
    private LoginGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Outbox outbox;

    @Inject
    private MailTemplates mails;

    @Inject
    private AccountLanguage language;

    /** One passkey as its owner sees it. */
    public record PasskeyRow(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt)
            implements Serializable {}

    /** What the caller has enrolled. */
    public record Overview(boolean app, List<PasskeyRow> passkeys, long recoveryCodesLeft, boolean staff)
            implements Serializable {

        public boolean any() {
            return app || !passkeys.isEmpty();
        }
    }

    /** A key to type into an authenticator app, not in force until a first code confirms it. */
    public record AppSetup(String secret, String keyUri) implements Serializable {}

    /**
     * After a factor was added: the recovery codes, made with the first factor and shown once (else none), and the
     * roles the caller's session now has (a staff member who was only enrolling gets their roles).
     */
    public record Enrolment(List<String> recoveryCodes, List<String> groups) implements Serializable {}

    public Overview overview() {
        Credential credential = own();
        AuthenticatorApp app = em.find(AuthenticatorApp.class, credential.getId());
        return new Overview(
                app != null && app.isEnabled(),
                check.passkeys(credential.getId()).stream()
                        .map(p -> new PasskeyRow(p.getId(), p.getName(), p.getCreatedAt(), p.getLastUsedAt()))
                        .toList(),
                recoveryCodes.unused(credential.getId()),
                !credential.isCustomer());
    }

    /** A new key for an authenticator app; an unconfirmed one made before is replaced. */
    public AppSetup startApp() {
        Credential credential = own();
        AuthenticatorApp existing = em.find(AuthenticatorApp.class, credential.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.isEnabled()) {
            throw new Refusal("security.app.already");
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        String secret = Totp.newSecret();
        em.persist(new AuthenticatorApp(credential.getId(), secret, OffsetDateTime.now(clock)));
        return new AppSetup(secret, Totp.keyUri(ISSUER, credential.getEmail(), secret));
    }

    /** The first code from the app turns it on. */
    public Enrolment confirmApp(String code) {
        Credential credential = lockedOwn();
        AuthenticatorApp app = em.find(AuthenticatorApp.class, credential.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (app == null || app.isEnabled()) {
            throw new Refusal("security.app.expired");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var step = Totp.matchingStep(app.getSecret(), code, now.toInstant());
        if (step.isEmpty()) {
            throw new InvalidInput(Map.of("code", "security.code.wrong"));
        }
        boolean first = !check.available(credential.getId()).any();
        app.use(step.getAsLong());
        app.enable(now);
        return added(credential, "factor.app", first);
    }

    /** {@code PublicKeyCredentialCreationOptions} for a new passkey of the caller. */
    public String passkeyCreationOptions(byte[] challenge) {
        Credential credential = lockedOwn();
        if (credential.getPasskeyUserHandle() == null) {
            credential.setPasskeyUserHandle(PasskeyCeremonies.newUserHandle());
        }
        return ceremonies.creationOptions(
                challenge,
                credential.getPasskeyUserHandle(),
                credential.getEmail(),
                credential.getEmail(),
                check.passkeys(credential.getId()).stream()
                        .map(Passkey::getKeyId)
                        .toList());
    }

    /**
     * @param name what the passkey is called on the security page: the browser and system it was made in, so that
     *             the portal asks for no free text
     */
    public Enrolment addPasskey(String response, byte[] challenge, String name) {
        Credential credential = lockedOwn();
        PasskeyCeremonies.Registered registered = ceremonies.register(response, challenge);
        boolean known = !em.createNamedQuery(Passkey.BY_KEY_ID, Passkey.class)
                .setParameter("keyId", registered.keyId())
                .getResultList()
                .isEmpty();
        if (known) {
            throw new Refusal("passkey.known");
        }
        boolean first = !check.available(credential.getId()).any();
        String shortName = name.length() > Passkey.NAME_LENGTH ? name.substring(0, Passkey.NAME_LENGTH) : name;
        em.persist(new Passkey(
                credential.getId(),
                registered.keyId(),
                registered.attestedData(),
                registered.signCount(),
                shortName,
                OffsetDateTime.now(clock)));
        return added(credential, "factor.passkey", first);
    }

    public void removeApp(char[] password, String code) {
        Credential credential = provenOwn(password, code);
        AuthenticatorApp app = em.find(AuthenticatorApp.class, credential.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !app.isEnabled()) {
            throw new Refusal("security.app.none");
        }
        em.remove(app);
        removed(credential, "factor.app");
    }

    public void removePasskey(long passkeyId, char[] password, String code) {
        Credential credential = provenOwn(password, code);
        Passkey passkey = em.find(Passkey.class, passkeyId, LockModeType.PESSIMISTIC_WRITE);
        if (passkey == null || !passkey.getCredentialId().equals(credential.getId())) {
            throw new Refusal("passkey.notFound");
        }
        em.remove(passkey);
        removed(credential, "factor.passkey");
    }

    /** Ten new recovery codes; the old ones stop working. */
    public List<String> renewRecoveryCodes(char[] password) {
        // the password first, in its own transaction: it locks the account row, which this one then takes
        if (!guard.confirmOwn(caller.credentialId(), password)) {
            throw new InvalidInput(Map.of("password", "security.password.wrong"));
        }
        Credential credential = lockedOwn();
        if (!check.available(credential.getId()).any()) {
            throw new Refusal("security.noFactor");
        }
        audit.record(AuditAction.RECOVERY_CODES_RENEWED, language.customerId(credential), subject(credential));
        return recoveryCodes.renew(credential.getId());
    }

    /** The security roles the caller's session has now (for a session that enrolled its first factor). */
    public List<String> groups() {
        Credential credential = own();
        if (credential.isCustomer()) {
            return List.of(CUSTOMER);
        }
        if (!check.available(credential.getId()).any()) {
            return List.of(ENROLLING);
        }
        StaffMember staff = em.createNamedQuery(StaffMember.BY_CREDENTIAL, StaffMember.class)
                .setParameter("credentialId", credential.getId())
                .getSingleResult();
        return staff.getRoles().stream().map(Role::name).toList();
    }

    /** The step-up before a register extract with a code instead of the password; a wrong code counts. */
    @RolesAllowed(CUSTOMER)
    public boolean confirmIdentity(String code) {
        return guard.confirmOwnCode(caller.credentialId(), code);
    }

    /** Options for the caller's own passkeys, to prove it is still them. */
    @RolesAllowed(CUSTOMER)
    public String verificationOptions(byte[] challenge) {
        return ceremonies.requestOptions(
                challenge,
                check.passkeys(caller.credentialId()).stream()
                        .map(Passkey::getKeyId)
                        .toList());
    }

    /** The step-up before a register extract with one of the caller's passkeys. */
    @RolesAllowed(CUSTOMER)
    public boolean confirmIdentityWithPasskey(String response, byte[] challenge) {
        try {
            String keyId = ceremonies.claimed(response).keyId();
            List<Passkey> found = em.createNamedQuery(Passkey.BY_KEY_ID, Passkey.class)
                    .setParameter("keyId", keyId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            if (found.isEmpty() || !found.get(0).getCredentialId().equals(caller.credentialId())) {
                return false;
            }
            Passkey passkey = found.get(0);
            passkey.used(ceremonies.verify(response, challenge, passkey), OffsetDateTime.now(clock));
            return true;
        } catch (Refusal notProven) {
            return false;
        }
    }

    private Enrolment added(Credential credential, String factor, boolean first) {
        audit.record(
                AuditAction.SECOND_FACTOR_ADDED, language.customerId(credential), subject(credential) + " " + factor);
        mail(credential, "secondFactorAdded", factor);
        List<String> codes = first ? recoveryCodes.renew(credential.getId()) : List.of();
        em.flush();
        return new Enrolment(codes, groups());
    }

    private void removed(Credential credential, String factor) {
        em.flush();
        boolean left = check.available(credential.getId()).any();
        if (!left && !credential.isCustomer()) {
            throw new Refusal("security.staffNeedsFactor");
        }
        if (!left) {
            recoveryCodes.removeAll(credential.getId());
        }
        audit.record(
                AuditAction.SECOND_FACTOR_REMOVED, language.customerId(credential), subject(credential) + " " + factor);
        mail(credential, "secondFactorRemoved", factor);
    }

    private void mail(Credential credential, String template, String factor) {
        String lang = language.of(credential);
        outbox.enqueue(
                credential.getId(), mails.compose(credential.getEmail(), lang, template, mails.word(lang, factor)));
    }

    /** The password and a current factor, each checked (and counted when wrong) in a transaction of its own. */
    private Credential provenOwn(char[] password, String code) {
        long id = caller.credentialId();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!guard.confirmOwn(id, password)) {
            problems.put("password", "security.password.wrong");
        }
        if (!guard.confirmOwnCode(id, code)) {
            problems.put("code", "security.code.wrong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return lockedOwn();
    }

    private static String subject(Credential credential) {
        return "credential:" + credential.getId();
    }

    private Credential own() {
        return em.find(Credential.class, caller.credentialId());
    }

    private Credential lockedOwn() {
        return em.find(Credential.class, caller.credentialId(), LockModeType.PESSIMISTIC_WRITE);
    }
}
