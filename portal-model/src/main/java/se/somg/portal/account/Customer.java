package se.somg.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.somg.portal.kernel.CollectionCircumstance;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;

/**
 * A customer of SOMG and the §5.1 personal data the portal holds about them. Every datum here is one a
 * portal feature uses (policy §2, data minimisation); where it came from is recorded (§1, §5.2).
 */
@Entity
@Table(name = "customer")
@NamedQuery(
        name = Customer.BY_CREDENTIAL,
        query = "SELECT c FROM Customer c JOIN FETCH c.credential WHERE c.credential.id = :credentialId")
public class Customer implements Serializable {

    public static final String BY_CREDENTIAL = "Customer.byCredential";

    @Id
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "credential_id", nullable = false, unique = true)
    private Credential credential;

    @NotBlank
    @Size(max = 100)
    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @NotBlank
    @Size(max = 100)
    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Pattern(regexp = "\\d{12}")
    @Column(name = "personal_identity_number", length = 12)
    private String personalIdentityNumber;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Valid
    @Embedded
    private PostalAddress postalAddress;

    @Pattern(regexp = "\\+[1-9]\\d{6,14}")
    @Column(name = "phone", length = 16)
    private String phone;

    @Size(max = 100)
    @Column(name = "occupation", length = 100)
    private String occupation;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "platform", nullable = false, length = 32)
    private Platform platform;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "collected_through", nullable = false, length = 32)
    private CollectionCircumstance collectedThrough;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "accepted_policy_version")
    private Integer acceptedPolicyVersion;

    @Column(name = "policy_accepted_at")
    private OffsetDateTime policyAcceptedAt;

    @Pattern(regexp = "sv|en")
    @Column(name = "preferred_language", nullable = false, length = 2)
    private String preferredLanguage = "sv";

    /** Processing beyond storage has stopped (GDPR art. 18, policy §7): no marketing, no notices but about it. */
    @Column(name = "restricted_at")
    private OffsetDateTime restrictedAt;

    /** When the customer relationship ended; the retention period (§5.7) runs from here. */
    @Column(name = "contract_ended_at")
    private OffsetDateTime contractEndedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    private long version;

    protected Customer() {}

    public Customer(
            Credential credential,
            String givenName,
            String familyName,
            Platform platform,
            CollectionCircumstance collectedThrough,
            OffsetDateTime createdAt) {
        this.credential = credential;
        this.givenName = givenName;
        this.familyName = familyName;
        this.platform = platform;
        this.collectedThrough = collectedThrough;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Credential getCredential() {
        return credential;
    }

    public String getEmail() {
        return credential.getEmail();
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getFullName() {
        return givenName + " " + familyName;
    }

    public String getPersonalIdentityNumber() {
        return personalIdentityNumber;
    }

    public void setPersonalIdentityNumber(String personalIdentityNumber) {
        this.personalIdentityNumber = personalIdentityNumber;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public PostalAddress getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(PostalAddress postalAddress) {
        this.postalAddress = postalAddress;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public Platform getPlatform() {
        return platform;
    }

    public CollectionCircumstance getCollectedThrough() {
        return collectedThrough;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public Integer getAcceptedPolicyVersion() {
        return acceptedPolicyVersion;
    }

    public OffsetDateTime getPolicyAcceptedAt() {
        return policyAcceptedAt;
    }

    public void acceptPolicy(int version, OffsetDateTime at) {
        this.acceptedPolicyVersion = version;
        this.policyAcceptedAt = at;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public OffsetDateTime getRestrictedAt() {
        return restrictedAt;
    }

    public boolean isRestricted() {
        return restrictedAt != null;
    }

    public void setRestrictedAt(OffsetDateTime restrictedAt) {
        this.restrictedAt = restrictedAt;
    }

    public OffsetDateTime getContractEndedAt() {
        return contractEndedAt;
    }

    public void setContractEndedAt(OffsetDateTime contractEndedAt) {
        this.contractEndedAt = contractEndedAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public long getVersion() {
        return version;
    }
}
