package se.somg.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is responsible for the personal data (GDPR art. 4(7), policy §1), written once: the pages' footer, the contact
 * and policy pages, consent receipts, register extracts and mails all name the controller from here. The defaults
 * are in microprofile-config.properties; a merger (policy §11) changes them by configuration
 * (PORTAL_CONTROLLER_NAME, ...), not by code.
 */
@Named("controller")
@ApplicationScoped
public class Controller {

    @Inject
    @ConfigProperty(name = "portal.controller.name")
    String name;

    @Inject
    @ConfigProperty(name = "portal.controller.organisation-number")
    String organisationNumber;

    @Inject
    @ConfigProperty(name = "portal.controller.street")
    String street;

    @Inject
    @ConfigProperty(name = "portal.controller.locality")
    String locality;

    /** ISO 3166 code. */
    @Inject
    @ConfigProperty(name = "portal.controller.country")
    String country;

    @Inject
    @ConfigProperty(name = "portal.controller.email")
    String email;

    /** For CDI, which fills in the configuration. */
    protected Controller() {}

    /** A controller named outright: for a test, or a tool without configuration. */
    public Controller(
            String name, String organisationNumber, String street, String locality, String country, String email) {
        this.name = name;
        this.organisationNumber = organisationNumber;
        this.street = street;
        this.locality = locality;
        this.country = country;
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public String getOrganisationNumber() {
        return organisationNumber;
    }

    public String getStreet() {
        return street;
    }

    public String getLocality() {
        return locality;
    }

    public String getCountry() {
        return country;
    }

    public String getEmail() {
        return email;
    }

    /** Street and locality, as a Swede writes them on one line. */
    public String getAddress() {
        return street + ", " + locality;
    }

    /** Name, organisation number, address and e-mail on one line. */
    public String getSummary() {
        return String.join(", ", name, organisationNumber, getAddress(), email);
    }
}
