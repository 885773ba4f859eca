package se.somg.portal.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A postal address (policy §5.1 "Postadress"). */
@Embeddable
public class PostalAddress implements Serializable {

    @Size(max = 200)
    @Column(name = "street", length = 200)
    private String street;

    @Pattern(regexp = "\\d{3} \\d{2}")
    @Column(name = "postcode", length = 6)
    private String postcode;

    @Size(max = 100)
    @Column(name = "city", length = 100)
    private String city;

    @Pattern(regexp = "[A-Z]{2}")
    @Column(name = "country", length = 2)
    private String country;

    protected PostalAddress() {}

    public PostalAddress(String street, String postcode, String city, String country) {
        this.street = street;
        this.postcode = postcode;
        this.city = city;
        this.country = country;
    }

    /** Whether any part of the address is known ("empty" is a reserved word in EL). */
    public boolean isKnown() {
        return street != null || postcode != null || city != null;
    }

    public String getStreet() {
        return street;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }
}
