package se.somg.portal.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.personnummer.Personnummer;
import dev.personnummer.PersonnummerException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.somg.portal.InvalidInput;
import se.somg.portal.kernel.PersonRules;
import se.somg.portal.kernel.PostalAddress;

/**
 * The rules for the §5.1 data a customer keeps: each problem is reported against its field with a
 * message-bundle key, and a change with any problem is refused whole.
 */
public final class ProfileRules {

    public static final int TEXT_MAX = 100;
    public static final int STREET_MAX = 200;
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern SWEDISH_POSTCODE = Pattern.compile("(\\d{3}) ?(\\d{2})");
    private static final Pattern OTHER_POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");
    private static final Pattern PERSONNUMMER_INPUT = Pattern.compile("(\\d{2})?\\d{6}[-+]?\\d{4}");

    private ProfileRules() {}

    public static CleanProfile check(ProfileChange change) {
        return check(change, Clock.systemDefaultZone());
    }

    static CleanProfile check(ProfileChange change, Clock clock) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        String givenName = blankToNull(change.getGivenName());
        String familyName = blankToNull(change.getFamilyName());
        PersonRules.checkName(givenName).ifPresent(key -> problems.put("givenName", key));
        PersonRules.checkName(familyName).ifPresent(key -> problems.put("familyName", key));

        String personalIdentityNumber = null;
        LocalDate birthDate = change.getBirthDate();
        String pnrInput = blankToNull(change.getPersonalIdentityNumber());
        if (pnrInput != null) {
            Optional<Personnummer> parsed = parsePersonnummer(pnrInput);
            if (parsed.isEmpty()) {
                problems.put("personalIdentityNumber", "profile.pnr.invalid");
            } else {
                LocalDate born = parsed.get().getDate().toLocalDate();
                if (born.isAfter(today)) {
                    problems.put("personalIdentityNumber", "profile.pnr.future");
                } else {
                    personalIdentityNumber = parsed.get().format(true);
                    birthDate = born;
                }
            }
        } else if (birthDate != null) {
            if (birthDate.isAfter(today)) {
                problems.put("birthDate", "profile.birthDate.future");
            } else if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
                problems.put("birthDate", "profile.birthDate.tooEarly");
            }
        }

        String street = blankToNull(change.getStreet());
        String postcode = blankToNull(change.getPostcode());
        String city = blankToNull(change.getCity());
        String country = blankToNull(change.getCountry());
        PostalAddress address = null;
        if (street != null || postcode != null || city != null) {
            country = country == null ? "SE" : country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")
                    || !java.util.Arrays.asList(Locale.getISOCountries()).contains(country)) {
                problems.put("country", "profile.country.invalid");
            }
            checkText(street, STREET_MAX, true).ifPresent(key -> problems.put("street", key));
            checkText(city, TEXT_MAX, true).ifPresent(key -> problems.put("city", key));
            if (postcode == null) {
                problems.put("postcode", "profile.required");
            } else if ("SE".equals(country)) {
                var matcher = SWEDISH_POSTCODE.matcher(postcode);
                if (matcher.matches()) {
                    postcode = matcher.group(1) + " " + matcher.group(2);
                } else {
                    problems.put("postcode", "profile.postcode.invalid");
                }
            } else if (!OTHER_POSTCODE.matcher(postcode).matches()) {
                problems.put("postcode", "profile.postcode.invalid");
            }
            address = new PostalAddress(street, postcode, city, country);
        }

        String phone = null;
        String phoneInput = blankToNull(change.getPhone());
        if (phoneInput != null) {
            Optional<String> normalised = normalisePhone(phoneInput);
            if (normalised.isEmpty()) {
                problems.put("phone", "profile.phone.invalid");
            } else {
                phone = normalised.get();
            }
        }
        String occupation = blankToNull(change.getOccupation());
        if (occupation != null) {
            checkText(occupation, TEXT_MAX, false).ifPresent(key -> problems.put("occupation", key));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new CleanProfile(givenName, familyName, personalIdentityNumber, birthDate, address, phone, occupation);
    }

    private static Optional<String> checkText(String value, int max, boolean required) {
        if (value == null) {
            return required ? Optional.of("profile.required") : Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of("profile.tooLong");
        }
        if (PersonRules.CONTROL.matcher(value).find()) {
            return Optional.of("profile.text.control");
        }
        if (MARKUP.matcher(value).find()) {
            return Optional.of("profile.text.markup");
        }
        return Optional.empty();
    }

    static Optional<Personnummer> parsePersonnummer(String input) {
        String compact = input.replace(" ", "");
        if (!PERSONNUMMER_INPUT.matcher(compact).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Personnummer.parse(compact));
        } catch (PersonnummerException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Swedish numbers may be written nationally (070-123 45 67); others need their +country code. */
    public static Optional<String> normalisePhone(String input) {
        if (input.length() > 30 || PersonRules.CONTROL.matcher(input).find() || !input.matches("[+0-9 ()-]+")) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(input, "SE");
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
