package se.somg.portal.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.somg.portal.kernel.ErasureStep;

/** Notices are staff's texts; what is kept per customer is ids and times. */
@ApplicationScoped
public class NoticeErasure implements ErasureStep {

    @Override
    public Map<String, String> keeps() {
        return Map.of(
                "notice", "the notices' texts, written by staff: no customer's data",
                "notice_receipt", "when a notice was read and acknowledged, tied to an anonymised id",
                "notice_mailing", "that a notice's mail was queued, tied to an anonymised id");
    }
}
