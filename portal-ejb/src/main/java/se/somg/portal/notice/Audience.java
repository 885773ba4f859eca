package se.somg.portal.notice;

import se.somg.portal.preference.Channel;

/**
 * Who a notice reaches, written once as an SQL condition on {@code customer c}: its audience (everyone, a
 * platform, a consent in force), only confirmed accounts, never an erased or restricted one (GDPR art. 18: a
 * restricted account is only stored), only customers who were customers when it was published, marketing only to
 * customers with a marketing consent in force, and on each channel only to those who chose it (the inbox shows
 * every notice but marketing without asking). The inbox, the audience figure, the mail fan-out and the letter and
 * phone lists all use it, so the figure on the notice page is the number of inboxes that list the notice. The
 * condition is bound either to a notice's columns ({@link #INBOX}) or to one notice's values, published or not
 * ({@link #of}); the values come from enums, ids and times, never from text.
 */
final class Audience {

    /** On {@code notice n} and {@code customer c}: the notice is one the customer's inbox lists, once published. */
    static final String INBOX =
            reaches("n.kind", "n.audience", "n.audience_platform", "n.audience_purpose_id", "n.publish_at") + " AND "
                    + chose(Channel.PORTAL, "n.kind", null);

    private Audience() {}

    /** On {@code customer c}: the customers this notice reaches on the channel. */
    static String of(Notice notice, Channel channel) {
        String kind = literal(notice.getKind().name());
        return reaches(
                        kind,
                        literal(notice.getAudience().name()),
                        notice.getAudiencePlatform() == null
                                ? "NULL"
                                : literal(notice.getAudiencePlatform().name()),
                        notice.getAudiencePurposeId() == null
                                ? "NULL"
                                : String.valueOf(notice.getAudiencePurposeId().longValue()),
                        "TIMESTAMP WITH TIME ZONE "
                                + literal(notice.getPublishAt().toString()))
                + " AND "
                + chose(channel, kind, literal(notice.getKind().channelKind().name()));
    }

    private static String reaches(String kind, String audience, String platform, String purposeId, String publishAt) {
        return "c.anonymised_at IS NULL AND c.restricted_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM credential cr WHERE cr.id = c.credential_id AND cr.confirmed_at IS NOT NULL)"
                // what was said before someone became a customer is not theirs to read or acknowledge
                + " AND c.created_at <= " + publishAt
                + " AND (" + audience + " = 'ALL'"
                + " OR (" + audience + " = 'PLATFORM' AND c.platform = " + platform + ")"
                + " OR (" + audience + " = 'CONSENT' AND EXISTS (SELECT 1 FROM consent_in_force f"
                + " WHERE f.customer_id = c.id AND f.purpose_id = " + purposeId + ")))"
                + " AND (" + kind + " <> 'MARKETING' OR EXISTS (SELECT 1 FROM consent_in_force f"
                + " WHERE f.customer_id = c.id AND f.gates_marketing))";
    }

    /** The customer's contact preferences (policy §10): the cell of the channel and the notice's kind is on. */
    private static String chose(Channel channel, String kind, String channelKind) {
        if (channel == Channel.PORTAL) {
            return "(" + kind + " <> 'MARKETING' OR " + cell(Channel.PORTAL, "'MARKETING'") + ")";
        }
        return cell(channel, channelKind);
    }

    private static String cell(Channel channel, String kind) {
        return "EXISTS (SELECT 1 FROM contact_preference p WHERE p.customer_id = c.id AND p.channel = '"
                + channel.name() + "' AND p.kind = " + kind + " AND p.enabled)";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
