package se.somg.portal.account;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.somg.portal.kernel.Caller;

/** The customer who is calling, found through the principal (the credential id), never a parameter. */
@Dependent
public class CurrentCustomer {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public Customer get() {
        return em.createNamedQuery(Customer.BY_CREDENTIAL, Customer.class)
                .setParameter("credentialId", caller.credentialId())
                .getSingleResult();
    }
}
