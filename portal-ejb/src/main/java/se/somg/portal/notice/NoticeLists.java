package se.somg.portal.notice;

import static se.somg.portal.kernel.Role.Names.COMMUNICATIONS;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.somg.portal.Csv;
import se.somg.portal.Refusal;
import se.somg.portal.audit.AuditAction;
import se.somg.portal.audit.AuditTrail;

/**
 * The batch files for the other channels (policy §10): letters for the print house and calls for the call
 * centre, one row per customer in the audience who chose that channel for the notice's kind and whose address or
 * number is known. Written as it is read; each export is audited, since it hands out personal data. The column
 * names are a file format for the print house and the call centre, so they stay the same in every language.
 */
@Stateless
@RolesAllowed(COMMUNICATIONS)
public class NoticeLists {

    public enum Channel {
        LETTER,
        PHONE
    }

    private static final int PAGE = 2000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    public void write(long noticeId, Channel channel, OutputStream out) {
        Notice notice = em.find(Notice.class, noticeId);
        if (notice == null) {
            throw new Refusal("notices.notFound");
        }
        String columns = channel == Channel.LETTER
                ? "c.id, c.given_name, c.family_name, c.street, c.postcode, c.city, c.country, c.preferred_language"
                : "c.id, c.given_name, c.family_name, c.phone, c.preferred_language";
        String known = channel == Channel.LETTER
                ? "c.street IS NOT NULL AND c.postcode IS NOT NULL AND c.city IS NOT NULL"
                : "c.phone IS NOT NULL";
        String reached =
                Audience.of(notice, se.somg.portal.preference.Channel.valueOf(channel.name())) + " AND " + known;
        String sql = "SELECT " + columns + " FROM customer c WHERE " + reached + " AND c.id > ?1 ORDER BY c.id LIMIT "
                + PAGE;
        // audited before the first byte leaves (a download broken off halfway still handed data out), for every
        // customer named, so each sees it on "Access to my data"
        audit.recordForEachNow(
                channel == Channel.LETTER ? AuditAction.NOTICE_LETTER_LIST : AuditAction.NOTICE_PHONE_LIST,
                "SELECT c.id FROM customer c WHERE " + reached,
                "#" + noticeId);
        try {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write('\uFEFF'); // so spreadsheet programs read the file as UTF-8
            csv.write(
                    channel == Channel.LETTER
                            ? "customer_number;given_name;family_name;street;postcode;city;country;language;title\r\n"
                            : "customer_number;given_name;family_name;phone;language;title\r\n");
            long after = 0;
            while (true) {
                @SuppressWarnings("unchecked")
                List<Object[]> page =
                        em.createNativeQuery(sql).setParameter(1, after).getResultList();
                for (Object[] row : page) {
                    String language = (String) row[row.length - 1];
                    for (Object value : row) {
                        csv.write(cell(value));
                        csv.write(';');
                    }
                    csv.write(cell(notice.title(language)));
                    csv.write("\r\n");
                    after = ((Number) row[0]).longValue();
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object value) {
        return Csv.cell(value);
    }
}
