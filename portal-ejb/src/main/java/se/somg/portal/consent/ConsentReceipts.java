package se.somg.portal.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import se.somg.portal.Controller;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Sweden;

/**
 * Consent receipts with the fields of the Kantara Initiative Consent Receipt Specification v1.1, one per
 * consent event (withdrawals too, marked by the extension field {@code consentState}), and a short rendering
 * for people. The schema ships beside this class: consent-receipt-v1.1.schema.json.
 */
@ApplicationScoped
public class ConsentReceipts {

    private Controller controller;

    /** For CDI's proxy. */
    protected ConsentReceipts() {}

    @jakarta.inject.Inject
    public ConsentReceipts(Controller controller) {
        this.controller = controller;
    }

    public static final String SCHEMA = "/se/somg/portal/consent/consent-receipt-v1.1.schema.json";
    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    public JsonObject json(ConsentEvent event, String principal, String language, String policyUrl) {
        ConsentPurpose purpose = event.getPurpose();
        JsonArrayBuilder pii = Json.createArrayBuilder();
        Arrays.stream(purpose.dataUsed("en").split(",\\s*")).forEach(pii::add);
        return Json.createObjectBuilder()
                .add("version", "KI-CR-v1.1.0")
                .add("jurisdiction", "SE")
                .add("consentTimestamp", event.getOccurredAt().toEpochSecond())
                .add("collectionMethod", collectionMethod(event))
                .add("consentReceiptID", event.getReceiptId().toString())
                .add("language", PortalLanguage.of(language).code())
                .add("piiPrincipalId", principal)
                .add(
                        "piiControllers",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("piiController", controller.getName())
                                        .add("onBehalf", false)
                                        .add("contact", "Kundtjänst / Customer service")
                                        .add(
                                                "address",
                                                Json.createObjectBuilder()
                                                        .add("streetAddress", controller.getStreet())
                                                        .add("addressLocality", controller.getLocality())
                                                        .add("addressCountry", controller.getCountry()))
                                        .add("email", controller.getEmail())
                                        .add("phone", "")
                                        .add("organisationNumber", controller.getOrganisationNumber())))
                .add("policyUrl", policyUrl)
                .add("policyVersion", event.getPolicyVersion())
                .add(
                        "services",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("service", purpose.name(language))
                                        .add(
                                                "purposes",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("purpose", purpose.description(language))
                                                                .add(
                                                                        "purposeCategory",
                                                                        Json.createArrayBuilder()
                                                                                .add(purpose.getCode()))
                                                                .add("consentType", "EXPLICIT")
                                                                .add("piiCategory", pii)
                                                                .add("primaryPurpose", false)
                                                                .add(
                                                                        "termination",
                                                                        "Until withdrawn in the portal (Consents) or by contacting customer service")
                                                                .add("thirdPartyDisclosure", false)))))
                .add("sensitive", false)
                .add("spiCat", Json.createArrayBuilder())
                .add("consentState", event.isGiven() ? "GIVEN" : "WITHDRAWN")
                .build();
    }

    public String jsonText(ConsentEvent event, String principal, String language, String policyUrl) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.writeObject(json(event, principal, language, policyUrl));
        }
        return out.toString();
    }

    /** The same receipt for people to read. */
    public String text(ConsentEvent event, String principal, String language) {
        boolean en = PortalLanguage.of(language) == PortalLanguage.ENGLISH;
        String when = event.getOccurredAt()
                .atZoneSameInstant(Sweden.ZONE)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));
        ConsentPurpose purpose = event.getPurpose();
        return String.join(
                "\n",
                en ? "CONSENT RECEIPT" : "KVITTO PÅ SAMTYCKE",
                (en ? "Receipt id: " : "Kvitto-id: ") + event.getReceiptId(),
                (en ? "Controller: " : "Personuppgiftsansvarig: ") + controller.getSummary(),
                (en ? "For: " : "Gäller: ") + principal,
                (en ? "Purpose: " : "Ändamål: ") + purpose.name(language) + " – " + purpose.description(language),
                (en ? "Data used: " : "Uppgifter som används: ") + purpose.dataUsed(language),
                (en ? "Legal basis: " : "Laglig grund: ") + purpose.legalBasis(language),
                (en ? "Consent: " : "Samtycke: ")
                        + (event.isGiven() ? (en ? "given" : "lämnat") : (en ? "withdrawn" : "återkallat")),
                (en ? "When: " : "När: ") + when,
                (en ? "Privacy policy version: " : "Integritetspolicy, version: ") + event.getPolicyVersion(),
                (en ? "How: " : "Hur: ") + collectionMethod(event),
                en
                        ? "You can withdraw your consent at any time on the Consents page of the portal."
                        : "Du kan när som helst återkalla ditt samtycke på sidan Samtycken i portalen.",
                "");
    }

    private static String collectionMethod(ConsentEvent event) {
        return switch (event.getMethod()) {
            case PORTAL -> "SOMG privacy portal, by the customer";
            case REGISTRATION -> "SOMG privacy portal, at registration";
            case RECONSENT -> "SOMG privacy portal, asked again after a policy change";
            case STAFF -> "SOMG customer service on the customer's behalf (" + event.getStaffActor() + ")";
            case PLATFORM ->
                "On a SOMG platform (" + event.getStaffActor().substring("platform:".length())
                        + "), as the platform recorded it under the policy version above";
        };
    }
}
