package se.somg.portal.disclosure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import se.somg.portal.language.Messages;

/** Lawful disclosures (policy §5.6): the privacy officer records one; it shows in the customer's extract. */
@Named("disclosures")
@ViewScoped
public class DisclosuresPage implements Serializable {

    @EJB
    private DisclosureService service;

    @Inject
    private Messages messages;

    private String customerEmail;
    private String recipient;
    private String legalGround;
    private LocalDate disclosedOn;
    private String categories;
    private List<LawfulDisclosure> recent;

    @PostConstruct
    void load() {
        recent = service.recent();
    }

    public void record() {
        service.record(customerEmail, recipient, legalGround, disclosedOn, categories);
        customerEmail = null;
        recipient = null;
        legalGround = null;
        disclosedOn = null;
        categories = null;
        load();
        messages.info(null, "disclosures.recorded");
    }

    public List<LawfulDisclosure> getRecent() {
        return recent;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getLegalGround() {
        return legalGround;
    }

    public void setLegalGround(String legalGround) {
        this.legalGround = legalGround;
    }

    public LocalDate getDisclosedOn() {
        return disclosedOn;
    }

    public void setDisclosedOn(LocalDate disclosedOn) {
        this.disclosedOn = disclosedOn;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }
}
