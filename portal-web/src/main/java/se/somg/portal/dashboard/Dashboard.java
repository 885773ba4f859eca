package se.somg.portal.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import se.somg.portal.account.AccountService;
import se.somg.portal.account.Customer;
import se.somg.portal.account.SecondFactors;
import se.somg.portal.profile.HeldCategories;

/** The customer's start page: a greeting and what the portal holds about them. */
@Named
@RequestScoped
public class Dashboard {

    @EJB
    private AccountService accounts;

    @EJB
    private SecondFactors secondFactors;

    private Customer customer;

    @PostConstruct
    void load() {
        customer = accounts.currentCustomer();
    }

    public Customer getCustomer() {
        return customer;
    }

    /** Whether the customer has a second factor; if not, the page offers one. */
    public boolean isTwoStepOn() {
        return secondFactors.overview().any();
    }

    /** Message keys of the §5.1 categories held about this customer. */
    public List<String> getHeldCategories() {
        return HeldCategories.of(customer);
    }
}
