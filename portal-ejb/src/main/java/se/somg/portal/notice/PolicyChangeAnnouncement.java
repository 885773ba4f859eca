package se.somg.portal.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import se.somg.portal.mail.MailTemplates;
import se.somg.portal.policy.PolicyVersion;
import se.somg.portal.policy.PolicyVersionPublished;

/**
 * Policy §12: every customer is told of a new version, in the inbox and on the channels they chose, when it takes
 * effect; the notice is tied to the version and must be acknowledged. It is published as every notice is, checked and
 * audited, in the transaction that published the version (a version is never published untold).
 */
@ApplicationScoped
public class PolicyChangeAnnouncement {

    @Inject
    private MailTemplates mails;

    @Inject
    private BroadcastService broadcasts;

    void announce(@Observes PolicyVersionPublished published) {
        PolicyVersion version = published.version();
        NoticeDraft notice = new NoticeDraft();
        notice.setKind(NoticeKind.POLICY_CHANGE);
        notice.setAudience(NoticeAudience.ALL);
        notice.setTitleSv(MessageFormat.format(mails.word("sv", "policyNotice.title"), version.getNumber()));
        notice.setTitleEn(MessageFormat.format(mails.word("en", "policyNotice.title"), version.getNumber()));
        notice.setBodySv(version.summary("sv"));
        notice.setBodyEn(version.summary("en"));
        notice.setPublishAt(version.getEffectiveFrom());
        notice.setPolicyVersion(version.getNumber());
        broadcasts.publish(notice);
    }
}
