package se.somg.portal.profile;

import static se.somg.portal.kernel.ExtractValues.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.ExtractCode;
import se.somg.portal.kernel.ExtractContext;
import se.somg.portal.kernel.ExtractSection;
import se.somg.portal.kernel.ExtractSink;
import se.somg.portal.kernel.Platform;
import se.somg.portal.kernel.PostalAddress;

/** Policy §5.1's categories, each datum with where and how it was collected (§5.2). */
@ApplicationScoped
public class PersonalDataSection implements ExtractSection {

    private static final String[] DATUM_COLUMNS = {"datum", "value", "platform", "circumstance", "collectedAt"};

    @Inject
    private DatumSources sources;

    @Override
    public int position() {
        return PERSONAL_DATA;
    }

    @Override
    public Set<String> reads() {
        return Set.of("customer", "datum_source", "interest", "campaign_image");
    }

    @Override
    public void write(ExtractContext context, ExtractSink sink) throws IOException {
        Customer customer = context.find(Customer.class, context.customerId());
        Map<ProfileField, DatumSource> provenance = sources.of(customer.getId());
        Function<ProfileField, Provenance> from = field -> provenance.containsKey(field)
                ? provenance.get(field).getProvenance()
                : new Provenance(customer.getPlatform(), customer.getCollectedThrough(), customer.getCreatedAt());
        sink.startSection("personalData");

        sink.startList("name", DATUM_COLUMNS);
        datum(sink, "givenName", customer.getGivenName(), from.apply(ProfileField.GIVEN_NAME));
        datum(sink, "familyName", customer.getFamilyName(), from.apply(ProfileField.FAMILY_NAME));
        sink.endList();

        sink.startList("contactInformation", DATUM_COLUMNS);
        datum(sink, "email", customer.getEmail(), from.apply(ProfileField.EMAIL));
        if (customer.getPhone() != null) {
            datum(sink, "phone", customer.getPhone(), from.apply(ProfileField.PHONE));
        }
        sink.endList();

        sink.startList("birth", DATUM_COLUMNS);
        if (customer.getPersonalIdentityNumber() != null) {
            datum(
                    sink,
                    "personalIdentityNumber",
                    customer.getPersonalIdentityNumber(),
                    from.apply(ProfileField.PERSONAL_IDENTITY_NUMBER));
        }
        if (customer.getBirthDate() != null) {
            datum(sink, "birthDate", customer.getBirthDate().toString(), from.apply(ProfileField.BIRTH_DATE));
        }
        sink.endList();

        sink.startList("postalAddress", DATUM_COLUMNS);
        PostalAddress address = customer.getPostalAddress();
        if (address != null && address.isKnown()) {
            Provenance source = from.apply(ProfileField.POSTAL_ADDRESS);
            datum(sink, "street", address.getStreet(), source);
            datum(sink, "postcode", address.getPostcode(), source);
            datum(sink, "city", address.getCity(), source);
            datum(sink, "country", address.getCountry(), source);
        }
        sink.endList();

        sink.startList("occupation", DATUM_COLUMNS);
        if (customer.getOccupation() != null) {
            datum(sink, "occupation", customer.getOccupation(), from.apply(ProfileField.OCCUPATION));
        }
        sink.endList();

        sink.startList("interests", DATUM_COLUMNS);
        for (Object[] row : context.rows(
                "SELECT id, tag, platform, circumstance, collected_at FROM interest WHERE customer_id = ?1",
                customer.getId())) {
            sink.row(ExtractCode.of("interest"), row[1], host(row[2]), ExtractCode.of(row[3]), time(row[4]));
        }
        sink.endList();

        sink.startList("campaignImages", "campaign", "contentType", "platform", "collectedAt", "deletionRequestedAt");
        for (Object[] row : context.rows("""
                SELECT id, campaign, content_type, platform, collected_at, deletion_requested_at
                FROM campaign_image WHERE customer_id = ?1""", customer.getId())) {
            sink.row(row[1], row[2], host(row[3]), time(row[4]), time(row[5]));
        }
        sink.endList();
        sink.endSection();
    }

    private static void datum(ExtractSink sink, String datum, String value, Provenance source) throws IOException {
        sink.row(
                ExtractCode.of(datum),
                value,
                source.getPlatform().getHost(),
                ExtractCode.of(source.getCircumstance()),
                source.getCollectedAt());
    }

    private static String host(Object platform) {
        return Platform.valueOf(platform.toString()).getHost();
    }
}
