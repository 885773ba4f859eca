package se.somg.portal.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** "Access to my data": when staff opened or handed out the customer's data, by role and reason. */
@Named("access")
@RequestScoped
public class AccessPage {

    @EJB
    private StaffAccess staffAccess;

    private List<StaffAccess.Entry> entries;

    public List<StaffAccess.Entry> getEntries() {
        if (entries == null) {
            entries = staffAccess.mine();
        }
        return entries;
    }
}
