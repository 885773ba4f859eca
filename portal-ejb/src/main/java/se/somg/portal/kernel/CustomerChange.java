package se.somg.portal.kernel;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A change to a customer that SOMG's platforms must honour (policy §5.4 and §7), announced by the feature that made
 * it and observed, in the same transaction, by the platform feature, which tells each platform holding the person.
 *
 * @param data what a platform needs to honour it and nothing more (a consent change carries no address): strings,
 *             numbers and booleans
 * @param about what in the portal the change is, for showing the customer what each platform was told of it
 *              ({@code consent-event:<id>}), never sent; null when the change is the customer as a whole
 */
public record CustomerChange(long customerId, Kind kind, Map<String, Object> data, OffsetDateTime at, String about) {

    public CustomerChange {
        data = Map.copyOf(data);
    }

    public CustomerChange(long customerId, Kind kind, Map<String, Object> data, OffsetDateTime at) {
        this(customerId, kind, data, at, null);
    }

    /** How a consent event is named in {@link #about}. */
    public static final String CONSENT_EVENT = "consent-event:";

    public static String aboutConsentEvent(long consentEventId) {
        return CONSENT_EVENT + consentEventId;
    }

    /** The consent event's id an {@link #about} of {@link #aboutConsentEvent} names. */
    public static long consentEventOf(String about) {
        return Long.parseLong(about.substring(CONSENT_EVENT.length()));
    }

    /** The kinds of change, each with its CloudEvents type; those a platform must confirm it carried out. */
    public enum Kind {
        CONSENT_GIVEN("consent.given", false),
        CONSENT_WITHDRAWN("consent.withdrawn", false),
        PREFERENCES_CHANGED("preferences.changed", false),
        PROFILE_RECTIFIED("profile.rectified", false),
        RESTRICTION_IN_FORCE("restriction.in-force", true),
        OBJECTION_IN_FORCE("objection.in-force", true),
        ERASURE_DONE("erasure.done", true),
        CONTRACT_ENDED("contract.ended", false),
        POLICY_ACCEPTED("policy.accepted", false);

        /** The prefix of every event type the portal sends. */
        public static final String TYPE_PREFIX = "se.somg.portal.";

        private final String name;
        private final boolean confirmed;

        Kind(String name, boolean confirmed) {
            this.name = name;
            this.confirmed = confirmed;
        }

        /** The CloudEvents {@code type}, versioned: a change of its data's shape is a new type. */
        public String type() {
            return TYPE_PREFIX + name + ".v1";
        }

        /** The kind whose CloudEvents type this is. */
        public static java.util.Optional<Kind> ofType(String type) {
            return java.util.Arrays.stream(values())
                    .filter(kind -> kind.type().equals(type))
                    .findFirst();
        }

        /** Whether every platform holding the person must confirm it (erasure, restriction, objection). */
        public boolean needsConfirmation() {
            return confirmed;
        }
    }
}
