package se.somg.portal.notice;

/**
 * The customers a notice reaches, as an SQL condition on {@code customer c}: its audience (everyone, a platform,
 * a consent), never an erased or restricted account (GDPR art. 18: a restricted account is only stored), and
 * marketing only to customers with a marketing consent. The literals come from enums and ids, never from text.
 */
final class Audience {

    private Audience() {
    }

    static String of(Notice notice) {
        StringBuilder where = new StringBuilder("c.anonymised_at IS NULL AND c.restricted_at IS NULL");
        switch (notice.getAudience()) {
            case PLATFORM -> where.append(" AND c.platform = '").append(notice.getAudiencePlatform().name()).append('\'');
            case CONSENT -> where.append(" AND EXISTS (SELECT 1 FROM consent k WHERE k.customer_id = c.id AND k.given AND k.purpose_id = ")
                    .append(notice.getAudiencePurposeId().longValue()).append(')');
            case ALL -> { }
        }
        if (notice.getKind() == NoticeKind.MARKETING) {
            where.append(" AND EXISTS (SELECT 1 FROM consent k JOIN consent_purpose p ON p.id = k.purpose_id"
                    + " WHERE k.customer_id = c.id AND k.given AND p.gates_marketing)");
        }
        return where.toString();
    }
}
