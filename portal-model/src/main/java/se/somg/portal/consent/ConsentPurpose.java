package se.somg.portal.consent;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import se.somg.portal.PortalLanguage;

/**
 * A purpose a customer may consent to (policy §5.3–5.4). Purposes are rows, seeded by a migration, so a new
 * purpose needs no release.
 */
@Entity
@Table(name = "consent_purpose")
// reference data: written by migrations only, so every node may keep it (persistence.xml)
@Cacheable
public class ConsentPurpose implements Serializable {

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(name = "name_sv", nullable = false)
    private String nameSv;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "description_sv", nullable = false)
    private String descriptionSv;

    @Column(name = "description_en", nullable = false)
    private String descriptionEn;

    @Column(name = "legal_basis_sv", nullable = false)
    private String legalBasisSv;

    @Column(name = "legal_basis_en", nullable = false)
    private String legalBasisEn;

    @Column(name = "data_used_sv", nullable = false)
    private String dataUsedSv;

    @Column(name = "data_used_en", nullable = false)
    private String dataUsedEn;

    /** Whether marketing messages may be sent only while this consent is given. */
    @Column(name = "gates_marketing", nullable = false)
    private boolean gatesMarketing;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    protected ConsentPurpose() {}

    /** Purposes normally come from migrations; this is for new purposes added as data, and for tests. */
    public ConsentPurpose(
            Long id,
            String code,
            String[] names,
            String[] descriptions,
            String[] legalBases,
            String[] dataUsed,
            boolean gatesMarketing,
            int displayOrder) {
        this.id = id;
        this.code = code;
        this.nameSv = names[0];
        this.nameEn = names[1];
        this.descriptionSv = descriptions[0];
        this.descriptionEn = descriptions[1];
        this.legalBasisSv = legalBases[0];
        this.legalBasisEn = legalBases[1];
        this.dataUsedSv = dataUsed[0];
        this.dataUsedEn = dataUsed[1];
        this.gatesMarketing = gatesMarketing;
        this.displayOrder = displayOrder;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String name(String language) {
        return PortalLanguage.of(language).pick(nameSv, nameEn);
    }

    public String description(String language) {
        return PortalLanguage.of(language).pick(descriptionSv, descriptionEn);
    }

    public String legalBasis(String language) {
        return PortalLanguage.of(language).pick(legalBasisSv, legalBasisEn);
    }

    public String dataUsed(String language) {
        return PortalLanguage.of(language).pick(dataUsedSv, dataUsedEn);
    }

    public boolean isGatesMarketing() {
        return gatesMarketing;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }
}
