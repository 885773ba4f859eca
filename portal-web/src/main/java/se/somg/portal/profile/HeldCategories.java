package se.somg.portal.profile;

import java.util.ArrayList;
import java.util.List;
import se.somg.portal.account.Customer;

/** Which §5.1 categories of personal data the portal holds about a customer, as message keys. */
public final class HeldCategories {

    private HeldCategories() {}

    public static List<String> of(Customer customer) {
        List<String> keys = new ArrayList<>();
        keys.add("category.name");
        keys.add("category.email");
        if (customer.getPersonalIdentityNumber() != null) {
            keys.add("category.personalIdentityNumber");
        } else if (customer.getBirthDate() != null) {
            keys.add("category.birthDate");
        }
        if (customer.getPostalAddress() != null && customer.getPostalAddress().isKnown()) {
            keys.add("category.postalAddress");
        }
        if (customer.getPhone() != null) {
            keys.add("category.phone");
        }
        if (customer.getOccupation() != null) {
            keys.add("category.occupation");
        }
        return keys;
    }
}
