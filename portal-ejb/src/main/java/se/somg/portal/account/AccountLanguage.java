package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What the portal knows of an account's owner for mail and audit: the customer's language and customer id. */
@Dependent
public class AccountLanguage {

    @PersistenceContext
    private EntityManager em;

    /** The customer's chosen language; staff get Swedish, the company's language. */
    public String of(Credential credential) {
        return customer(credential).map(Customer::getPreferredLanguage).orElse("sv");
    }

    /** The customer id the audit trail files an event under; none for staff. */
    public Long customerId(Credential credential) {
        return customer(credential).map(Customer::getId).orElse(null);
    }

    private java.util.Optional<Customer> customer(Credential credential) {
        if (!credential.isCustomer()) {
            return java.util.Optional.empty();
        }
        List<Customer> found = em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", credential.getId())
                .getResultList();
        return found.stream().findFirst();
    }
}
