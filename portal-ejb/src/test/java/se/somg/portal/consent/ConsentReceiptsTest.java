package se.somg.portal.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Receipts carry the Kantara v1.1 fields and validate against the schema the portal ships. */
class ConsentReceiptsTest {

    private static final se.somg.portal.Controller SOMG = new se.somg.portal.Controller(
            "Skyonline Marketing Group AB (SOMG AB)",
            "559147-7459",
            "V\u00e4sterv\u00e4gen 21",
            "Sollentuna",
            "SE",
            "kundtjanst@oncentrum.com");

    static final ConsentPurpose MARKETING = new ConsentPurpose(
            1L,
            "MARKETING_LISTS",
            new String[] {"Marknadsföringslistor och nyhetsbrev", "Marketing lists and newsletters"},
            new String[] {"Vi skickar nyhetsbrev.", "We send newsletters."},
            new String[] {"Samtycke", "Consent"},
            new String[] {"Namn, e-postadress", "Name, e-mail address"},
            true,
            1);

    static JsonSchema schema() throws Exception {
        try (InputStream in = ConsentReceiptsTest.class.getResourceAsStream(ConsentReceipts.SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void aGivenAndAWithdrawnReceiptBothValidate() throws Exception {
        ConsentReceipts receipts = new ConsentReceipts(SOMG);
        for (boolean given : new boolean[] {true, false}) {
            ConsentEvent event = new ConsentEvent(
                    7L,
                    MARKETING,
                    given,
                    OffsetDateTime.parse("2026-11-25T10:15:30+01:00"),
                    1,
                    ConsentMethod.PORTAL,
                    null);
            JsonNode receipt = new ObjectMapper()
                    .readTree(receipts.jsonText(event, "anna@example.com", "en", "http://localhost/policy.xhtml"));

            Set<ValidationMessage> problems = schema().validate(receipt);

            assertEquals(Set.of(), problems);
            assertEquals("KI-CR-v1.1.0", receipt.get("version").asText());
            assertEquals(
                    event.getReceiptId().toString(),
                    receipt.get("consentReceiptID").asText());
            assertEquals(
                    1795598130L,
                    receipt.get("consentTimestamp").asLong(),
                    "seconds since the epoch of 2026-11-25T09:15:30Z");
            assertEquals(
                    given ? "GIVEN" : "WITHDRAWN", receipt.get("consentState").asText());
            assertEquals(
                    "Marketing lists and newsletters",
                    receipt.at("/services/0/service").asText());
        }
    }

    @Test
    void theSchemaRejectsAReceiptWithoutItsId() throws Exception {
        ConsentEvent event =
                new ConsentEvent(7L, MARKETING, true, OffsetDateTime.now(), 1, ConsentMethod.STAFF, "SUPPORT:12");
        JsonNode receipt =
                new ObjectMapper().readTree(new ConsentReceipts(SOMG).jsonText(event, "anna@example.com", "sv", "p"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) receipt).remove("consentReceiptID");
        assertTrue(!schema().validate(receipt).isEmpty());
    }

    @Test
    void theTextReceiptSaysWhatWhenAndHow() {
        ConsentEvent event = new ConsentEvent(
                7L,
                MARKETING,
                false,
                OffsetDateTime.parse("2026-11-25T10:15:30+01:00"),
                1,
                ConsentMethod.STAFF,
                "SUPPORT:12");
        String text = new ConsentReceipts(SOMG).text(event, "anna@example.com", "sv");
        assertTrue(text.contains("KVITTO PÅ SAMTYCKE"));
        assertTrue(text.contains("Samtycke: återkallat"));
        assertTrue(text.contains("2026-11-25 10:15:30"));
        assertTrue(text.contains("SUPPORT:12"));
        assertTrue(text.contains(event.getReceiptId().toString()));
    }
}
