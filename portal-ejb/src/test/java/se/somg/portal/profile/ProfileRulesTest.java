package se.somg.portal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.somg.portal.InvalidInput;
import se.somg.portal.kernel.PersonRules;

/** The profile rules, table-driven: every bad input is refused against its own field with a reason. */
class ProfileRulesTest {

    private static final Clock TODAY =
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneId.of("Europe/Stockholm"));

    private static final Map<String, BiConsumer<ProfileChange, String>> SETTERS = Map.of(
            "givenName", ProfileChange::setGivenName,
            "familyName", ProfileChange::setFamilyName,
            "personalIdentityNumber", ProfileChange::setPersonalIdentityNumber,
            "street", ProfileChange::setStreet,
            "postcode", ProfileChange::setPostcode,
            "city", ProfileChange::setCity,
            "country", ProfileChange::setCountry,
            "phone", ProfileChange::setPhone,
            "occupation", ProfileChange::setOccupation,
            "birthDate",
                    (change, value) -> {
                        change.setPersonalIdentityNumber(null);
                        change.setBirthDate(LocalDate.parse(value));
                    });

    static ProfileChange valid() {
        ProfileChange change = new ProfileChange();
        change.setGivenName("Anna");
        change.setFamilyName("Andersson");
        change.setPersonalIdentityNumber("19850714-2381");
        change.setStreet("Storgatan 12");
        change.setPostcode("191 45");
        change.setCity("Sollentuna");
        change.setCountry("SE");
        change.setPhone("070-123 45 67");
        change.setOccupation("Projektledare");
        return change;
    }

    static Stream<Arguments> badInputs() {
        String longText = "x".repeat(101);
        return Stream.of(
                // names: empty, too long, markup, script, SQL, control characters, digits
                Arguments.of("givenName", "", "profile.required"),
                Arguments.of("givenName", "   ", "profile.required"),
                Arguments.of("givenName", "A".repeat(101), "profile.tooLong"),
                Arguments.of("givenName", "<b>Anna</b>", "profile.name.characters"),
                Arguments.of("givenName", "<script>alert(1)</script>", "profile.name.characters"),
                Arguments.of("givenName", "Anna'; DROP TABLE customer; --", "profile.name.characters"),
                Arguments.of("givenName", "An\u0000na", "profile.name.characters"),
                Arguments.of("givenName", "An\tna", "profile.name.characters"),
                Arguments.of("givenName", "Anna2", "profile.name.characters"),
                Arguments.of("familyName", "", "profile.required"),
                Arguments.of("familyName", "B".repeat(500), "profile.tooLong"),
                Arguments.of("familyName", "Berg\u202E", "profile.name.characters"),
                Arguments.of("familyName", "\" OR 1=1 --", "profile.name.characters"),
                Arguments.of("familyName", "-Berg", "profile.name.characters"),
                // personal identity numbers: wrong check digit, impossible dates, future, format
                Arguments.of("personalIdentityNumber", "19850714-2382", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "198507142389", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "19850230-2381", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "19851314-2381", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "19850732-2381", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "12345", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "abcdefgh-ijkl", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "1985071423810", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "19850714-238'", "profile.pnr.invalid"),
                Arguments.of("personalIdentityNumber", "20271231-1238", "profile.pnr.future"),
                // birth dates without a personal identity number
                Arguments.of("birthDate", "2027-01-01", "profile.birthDate.future"),
                Arguments.of("birthDate", "1899-12-31", "profile.birthDate.tooEarly"),
                // postal address
                Arguments.of("postcode", "1914", "profile.postcode.invalid"),
                Arguments.of("postcode", "191 456", "profile.postcode.invalid"),
                Arguments.of("postcode", "ABC DE", "profile.postcode.invalid"),
                Arguments.of("postcode", "", "profile.required"),
                Arguments.of("street", "", "profile.required"),
                Arguments.of("street", "S".repeat(201), "profile.tooLong"),
                Arguments.of("street", "Storgatan <img src=x onerror=alert(1)>", "profile.text.markup"),
                Arguments.of("street", "Storgatan\u0007 12", "profile.text.control"),
                Arguments.of("city", "", "profile.required"),
                Arguments.of("city", longText, "profile.tooLong"),
                Arguments.of("city", "Sollentuna\r\nBcc: x@example.com", "profile.text.control"),
                Arguments.of("country", "Sweden", "profile.country.invalid"),
                Arguments.of("country", "XX", "profile.country.invalid"),
                Arguments.of("country", "S1", "profile.country.invalid"),
                // phone numbers
                Arguments.of("phone", "12", "profile.phone.invalid"),
                Arguments.of("phone", "070-123", "profile.phone.invalid"),
                Arguments.of("phone", "phone me", "profile.phone.invalid"),
                Arguments.of("phone", "+46 70 123 45 67 89 01 23 45", "profile.phone.invalid"),
                Arguments.of("phone", "+999 123456789", "profile.phone.invalid"),
                Arguments.of("phone", "070-1234567; DROP", "profile.phone.invalid"),
                // occupation
                Arguments.of("occupation", longText, "profile.tooLong"),
                Arguments.of("occupation", "<script>alert('x')</script>", "profile.text.markup"),
                Arguments.of("occupation", "Lärare\u0000", "profile.text.control"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused with {2}")
    @MethodSource("badInputs")
    void refusesBadInputOnItsOwnField(String field, String value, String expectedKey) {
        ProfileChange change = valid();
        SETTERS.get(field).accept(change, value);

        InvalidInput refused = assertThrows(InvalidInput.class, () -> ProfileRules.check(change, TODAY));

        assertEquals(Map.of(field, expectedKey), refused.getProblems());
    }

    /**
     * The table above reaches every field of the form and every refusal the rules can give (each key they name in
     * their source), so a new field or a new refusal fails here until it has bad inputs of its own. The e-mail rule's
     * refusal belongs to the e-mail change, not to this form.
     */
    @Test
    void theTableReachesEveryFieldOfTheFormAndEveryRefusalOfTheRules() throws IOException {
        Set<String> fields = Arrays.stream(ProfileChange.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .filter(name -> !name.equals("version"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = badInputs().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, tested, "fields of the form with bad inputs in the table");

        Set<String> refusals = new TreeSet<>();
        for (String source : List.of(
                "src/main/java/se/somg/portal/profile/ProfileRules.java",
                "src/main/java/se/somg/portal/kernel/PersonRules.java")) {
            Pattern.compile("\"(profile\\.[\\w.]+)\"")
                    .matcher(Files.readString(Path.of(source)))
                    .results()
                    .map(m -> m.group(1))
                    .forEach(refusals::add);
        }
        refusals.remove("profile.email.invalid");
        Set<String> expected = badInputs().map(a -> (String) a.get()[2]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(refusals, expected, "refusals of the rules that the table expects");
    }

    @Test
    void normalisesWhatItAccepts() {
        ProfileChange change = valid();
        change.setGivenName("  Anna-Lena ");
        change.setPersonalIdentityNumber("850714-2381");
        change.setPostcode("19145");
        change.setCountry("se");
        change.setPhone("070-123 45 67");
        change.setOccupation("R&D-ingenjör");

        CleanProfile clean = ProfileRules.check(change, TODAY);

        assertEquals("Anna-Lena", clean.givenName());
        assertEquals("198507142381", clean.personalIdentityNumber());
        assertEquals(LocalDate.of(1985, 7, 14), clean.birthDate(), "birth date derived from the number");
        assertEquals("191 45", clean.postalAddress().getPostcode());
        assertEquals("SE", clean.postalAddress().getCountry());
        assertEquals("+46701234567", clean.phone());
        assertEquals("R&D-ingenjör", clean.occupation());
    }

    @Test
    void acceptsInternationalNumbersAndEmptyOptionalFields() {
        ProfileChange change = valid();
        change.setPhone("+44 20 7946 0958");
        change.setPersonalIdentityNumber(null);
        change.setBirthDate(LocalDate.of(1990, 2, 28));
        change.setStreet(" ");
        change.setPostcode(null);
        change.setCity("");
        change.setOccupation(null);

        CleanProfile clean = ProfileRules.check(change, TODAY);

        assertEquals("+442079460958", clean.phone());
        assertNull(clean.personalIdentityNumber());
        assertEquals(LocalDate.of(1990, 2, 28), clean.birthDate());
        assertNull(clean.postalAddress());
        assertNull(clean.occupation());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ProfileChange change = valid();
        change.setGivenName("");
        change.setPhone("nope");
        change.setPostcode("1");

        InvalidInput refused = assertThrows(InvalidInput.class, () -> ProfileRules.check(change, TODAY));

        assertEquals(
                Map.of(
                        "givenName",
                        "profile.required",
                        "phone",
                        "profile.phone.invalid",
                        "postcode",
                        "profile.postcode.invalid"),
                refused.getProblems());
    }

    @Test
    void checksEmailAddresses() {
        for (String bad : new String[] {
            "",
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "anna example@x.se",
            "anna@exa mple.com",
            "a".repeat(250) + "@x.se",
            "anna@example.com\nBcc: x@y.se"
        }) {
            assertEquals(true, PersonRules.checkEmail(bad).isPresent(), bad);
        }
        assertEquals(
                true,
                PersonRules.checkEmail("anna.andersson+portal@example.co.uk").isEmpty());
    }
}
