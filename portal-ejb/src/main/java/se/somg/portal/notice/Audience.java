package se.somg.portal.notice;

/**
 * The customers a notice reaches, as an SQL condition on {@code customer c}: its audience (everyone, a platform,
 * a consent), only confirmed accounts, never an erased or restricted one (GDPR art. 18: a restricted account is
 * only stored), and marketing only to customers with a marketing consent. A consent that a newer policy version
 * asks for again counts as not given until answered (as in {@code ConsentLedger}). The literals come from enums
 * and ids, never from text.
 */
final class Audience {

    /** On a {@code consent k}: given, and not waiting for an answer after a policy change. */
    static final String CONSENT_COUNTS = "k.given AND NOT EXISTS (SELECT 1 FROM policy_version v"
            + " JOIN policy_version_reconsent asked ON asked.version_number = v.number"
            + " JOIN consent_event last ON last.id = k.last_event_id"
            + " WHERE asked.purpose_id = k.purpose_id AND v.effective_from <= now() AND v.effective_from > last.occurred_at)";

    private Audience() {
    }

    static String of(Notice notice) {
        StringBuilder where = new StringBuilder("c.anonymised_at IS NULL AND c.restricted_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM credential cr WHERE cr.id = c.credential_id AND cr.confirmed_at IS NOT NULL)");
        switch (notice.getAudience()) {
            case PLATFORM -> where.append(" AND c.platform = '").append(notice.getAudiencePlatform().name()).append('\'');
            case CONSENT -> where.append(" AND EXISTS (SELECT 1 FROM consent k WHERE k.customer_id = c.id AND " + CONSENT_COUNTS + " AND k.purpose_id = ")
                    .append(notice.getAudiencePurposeId().longValue()).append(')');
            case ALL -> { }
        }
        if (notice.getKind() == NoticeKind.MARKETING) {
            where.append(" AND EXISTS (SELECT 1 FROM consent k JOIN consent_purpose p ON p.id = k.purpose_id"
                    + " WHERE k.customer_id = c.id AND p.gates_marketing AND " + CONSENT_COUNTS + ")");
        }
        return where.toString();
    }
}
