package se.somg.portal.profile;

import java.io.Serializable;
import java.time.LocalDate;
import se.somg.portal.account.Customer;
import se.somg.portal.kernel.PostalAddress;

/** What the customer submits from the profile form, as typed; {@link ProfileRules} checks and normalises it. */
public class ProfileChange implements Serializable {

    private String givenName;
    private String familyName;
    private String personalIdentityNumber;
    private LocalDate birthDate;
    private String street;
    private String postcode;
    private String city;
    private String country;
    private String phone;
    private String occupation;
    /** The version of the profile the form was filled in from; a newer one in the database refuses the save. */
    private long version;

    /** A form filled in with the customer's current values and version, as the profile page starts. */
    public static ProfileChange from(Customer customer) {
        ProfileChange change = new ProfileChange();
        change.givenName = customer.getGivenName();
        change.familyName = customer.getFamilyName();
        String number = customer.getPersonalIdentityNumber();
        change.personalIdentityNumber = number == null ? null : number.substring(0, 8) + "-" + number.substring(8);
        change.birthDate = customer.getBirthDate();
        PostalAddress address = customer.getPostalAddress();
        if (address != null && address.isKnown()) {
            change.street = address.getStreet();
            change.postcode = address.getPostcode();
            change.city = address.getCity();
            change.country = address.getCountry();
        } else {
            change.country = "SE";
        }
        change.phone = customer.getPhone();
        change.occupation = customer.getOccupation();
        change.version = customer.getVersion();
        return change;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getPersonalIdentityNumber() {
        return personalIdentityNumber;
    }

    public void setPersonalIdentityNumber(String personalIdentityNumber) {
        this.personalIdentityNumber = personalIdentityNumber;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
