package se.somg.portal.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;

/** Policy §5.3–5.5: what the data is used for and on what legal basis, with the customer's consents. */
@ApplicationScoped
public class PurposesSection implements ExtractSection {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentLedger consents;

    @Override
    public int position() {
        return PURPOSES;
    }

    @Override
    public Set<String> reads() {
        return Set.of("consent");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        String language = context.language();
        Map<String, Boolean> given = em
                .createQuery("SELECT c FROM Consent c WHERE c.customerId = :customer", Consent.class)
                .setParameter("customer", context.customerId())
                .getResultList()
                .stream()
                .collect(Collectors.toMap(c -> c.getPurpose().getCode(), Consent::isGiven));
        sink.startList("purposes", "purpose", "legalBasis", "dataUsed", "consentGiven");
        for (String fixed : List.of("customerRelationship", "operationalContact", "legalObligations")) {
            sink.row(
                    context.text("purpose." + fixed + ".name"),
                    context.text("purpose." + fixed + ".basis"),
                    context.text("purpose." + fixed + ".data"),
                    null);
        }
        for (ConsentPurpose purpose : consents.purposes()) {
            sink.row(
                    purpose.name(language),
                    purpose.legalBasis(language),
                    purpose.dataUsed(language),
                    given.getOrDefault(purpose.getCode(), false));
        }
        sink.endList();
    }
}
