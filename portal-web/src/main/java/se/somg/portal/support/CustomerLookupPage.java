package se.somg.portal.support;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import se.somg.portal.account.Customer;
import se.somg.portal.language.Messages;

/** Customer service's look-up page; each customer shown is audited by the service. */
@Named
@ViewScoped
public class CustomerLookupPage implements Serializable {

    @EJB
    private CustomerLookup lookup;

    @Inject
    private Messages messages;

    private String term;
    private List<Customer> results;

    public void search() {
        results = null;
        results = lookup.search(term);
        if (results.isEmpty()) {
            messages.info(null, "support.lookup.none");
        }
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public List<Customer> getResults() {
        return results;
    }
}
