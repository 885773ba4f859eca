package se.somg.portal.profile;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import se.somg.portal.account.AccountService;
import se.somg.portal.account.Customer;

/** The profile page (read-only for now): every §5.1 category held, and where it was collected. */
@Named("profile")
@RequestScoped
public class ProfilePage {

    @EJB
    private AccountService accounts;

    private Customer customer;

    @PostConstruct
    void load() {
        customer = accounts.currentCustomer();
    }

    public Customer getCustomer() {
        return customer;
    }

    /** The personal identity number as people write it: YYYYMMDD-NNNN. */
    public String getFormattedPersonalIdentityNumber() {
        String number = customer.getPersonalIdentityNumber();
        return number == null ? null : number.substring(0, 8) + "-" + number.substring(8);
    }
}
