package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.consent.ConsentService;
import se.somg.portal.kernel.Platform;
import se.somg.portal.notice.BroadcastService;
import se.somg.portal.notice.InboxEntry;
import se.somg.portal.notice.Notice;
import se.somg.portal.notice.NoticeAudience;
import se.somg.portal.notice.NoticeDraft;
import se.somg.portal.notice.NoticeKind;
import se.somg.portal.notice.NoticeLists;
import se.somg.portal.notice.NoticeMailing;
import se.somg.portal.notice.NoticeService;
import se.somg.portal.policy.PolicyDraft;
import se.somg.portal.policy.PolicyService;
import se.somg.portal.policy.PolicyVersion;
import se.somg.portal.preference.Channel;
import se.somg.portal.preference.MessageKind;
import se.somg.portal.testing.NoticeFixtures;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RunAsCommunications;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.TestAccounts;
import se.somg.portal.testing.TestSupport;

/** Notices: audiences (platform, consent, marketing, restriction), receipts, validation, e-mail fan-out, CSV lists. */
@ExtendWith(ArquillianExtension.class)
class NoticeServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(NoticeServiceIT.class, TestSupport.class, NoticeFixtures.class);
    }

    @EJB
    private BroadcastService broadcasts;

    @EJB
    private NoticeService inbox;

    @EJB
    private NoticeMailing mailing;

    @EJB
    private NoticeLists lists;

    @EJB
    private ConsentService consents;

    @EJB
    private PolicyService policies;

    @EJB
    private RunAsCommunications asComms;

    @EJB
    private RunAsCustomer asRune;

    @EJB
    private TestSupport db;

    @EJB
    private NoticeFixtures fixtures;

    private static NoticeDraft draft(NoticeKind kind, NoticeAudience audience, String title) {
        NoticeDraft draft = new NoticeDraft();
        draft.setKind(kind);
        draft.setAudience(audience);
        draft.setTitleSv(title + " (sv)");
        draft.setTitleEn(title);
        draft.setBodySv("Hej, " + title);
        draft.setBodyEn("Hello, " + title);
        if (kind == NoticeKind.MERGER) {
            draft.setAcquirerName("Nordic Media Group AB");
            draft.setAcquirerPolicyUrl("https://nordicmedia.example/privacy");
        }
        if (kind == NoticeKind.POLICY_CHANGE) {
            draft.setPolicyVersion(1);
        }
        return draft;
    }

    private Notice publish(NoticeDraft draft) throws Exception {
        return asComms.call(() -> broadcasts.publish(draft));
    }

    private boolean runeSees(Notice notice) throws Exception {
        return asRune.call(() -> inbox.inbox()).stream()
                .anyMatch(e -> e.getNotice().getId().equals(notice.getId()));
    }

    private static String tag() {
        return String.valueOf(System.nanoTime()).substring(5);
    }

    @Test
    void eachCustomerSeesTheNoticesOfTheirAudienceOnly() throws Exception {
        String tag = tag();
        Notice all = publish(draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "All " + tag));
        NoticeDraft otherPlatform = draft(NoticeKind.ADMINISTRATIVE, NoticeAudience.PLATFORM, "SOMG.se " + tag);
        otherPlatform.setPlatform(Platform.SOMG_SE);
        NoticeDraft ownPlatform = draft(NoticeKind.ADMINISTRATIVE, NoticeAudience.PLATFORM, "Mittcentrum " + tag);
        ownPlatform.setPlatform(Platform.MITTCENTRUM_COM);
        NoticeDraft events = draft(NoticeKind.OPERATIONAL, NoticeAudience.CONSENT, "Events " + tag);
        events.setPurposeCode("EVENTS");
        NoticeDraft later = draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "Later " + tag);
        later.setPublishAt(OffsetDateTime.now().plusDays(1));
        Notice marketing = publish(draft(NoticeKind.MARKETING, NoticeAudience.ALL, "Offer " + tag));

        assertTrue(runeSees(all));
        assertFalse(runeSees(publish(otherPlatform)), "Rune is a mittcentrum.com customer");
        assertTrue(runeSees(publish(ownPlatform)));
        Notice eventsNotice = publish(events);
        assertFalse(runeSees(eventsNotice), "not without the events consent");
        assertFalse(runeSees(publish(later)), "not before its time");
        assertFalse(runeSees(marketing), "no marketing without a marketing consent");

        asRune.call(() -> consents.grant("EVENTS"));
        try {
            assertTrue(runeSees(eventsNotice), "with the consent, the notice is there at once");
        } finally {
            asRune.call(() -> consents.withdraw("EVENTS"));
        }

        long rune = db.customerOf(TestAccounts.RUN_AS_CUSTOMER_ID).getId();
        fixtures.restrict(rune, true);
        try {
            assertEquals(List.of(), asRune.call(() -> inbox.inbox()), "a restricted account gets no notices");
            assertEquals(0L, asRune.call(() -> inbox.unreadCount()));
        } finally {
            fixtures.restrict(rune, false);
        }
        List<InboxEntry> entries = asRune.call(() -> inbox.inbox());
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(
                    entries.get(i)
                            .getNotice()
                            .getPublishAt()
                            .isAfter(entries.get(i - 1).getNotice().getPublishAt()),
                    "newest first");
        }
        assertEquals(
                1,
                db.count("SELECT COUNT(n) FROM Notice n WHERE n.id = ?1", all.getId()),
                "one row whatever the audience");
    }

    @Test
    void theAudienceFigureIsTheNumberOfInboxesThatListTheNotice() throws Exception {
        String tag = tag();
        // marketing consent given, marketing by e-mail yes, in the portal no: mailed, but not in the inbox
        long mailOnly = fixtures.customer(
                "mail-only-" + tag + "@example.com", "Mailonly", Platform.SOMG_SE, "MARKETING_LISTS", false);
        fixtures.choose(mailOnly, Channel.EMAIL, MessageKind.MARKETING, true);
        long portalToo = fixtures.customer(
                "portal-too-" + tag + "@example.com", "Portaltoo", Platform.SOMG_SE, "MARKETING_LISTS", false);
        fixtures.choose(portalToo, Channel.PORTAL, MessageKind.MARKETING, true);
        Notice marketing = publish(draft(NoticeKind.MARKETING, NoticeAudience.ALL, "Reach offer " + tag));
        Notice operational = publish(draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "Reach all " + tag));
        long joinedLater =
                fixtures.customer("joined-later-" + tag + "@example.com", "Later", Platform.SOMG_SE, null, false);

        assertFalse(fixtures.inboxLists(mailOnly, marketing.getId()), "marketing in the portal was not chosen");
        assertTrue(fixtures.inboxLists(portalToo, marketing.getId()));
        assertTrue(fixtures.inboxLists(mailOnly, operational.getId()));
        assertFalse(fixtures.inboxLists(joinedLater, operational.getId()), "said before they became a customer");

        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, Long> listing = fixtures.inboxesListing();
        List<Notice> published = asComms.call(() -> broadcasts.notices()).stream()
                .filter(n -> n.getPublishAt().isBefore(now))
                .toList();
        assertTrue(published.size() >= 2, "the two published above at least");
        for (Notice notice : published) {
            assertEquals(
                    listing.getOrDefault(notice.getId(), 0L),
                    asComms.call(() -> broadcasts.audienceSize(notice)),
                    "the audience of " + notice.getKind() + " #" + notice.getId() + " (" + notice.getAudience() + ")");
        }
    }

    @Test
    void openingMarksReadOnceAndAcknowledgementsAreRecorded() throws Exception {
        String tag = tag();
        Notice merger = publish(draft(NoticeKind.MERGER, NoticeAudience.ALL, "Merger " + tag));
        Notice operational = publish(draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "Maintenance " + tag));
        long unread = asRune.call(() -> inbox.unreadCount());
        assertTrue(asRune.call(() -> inbox.inbox()).stream()
                .filter(e -> e.getNotice().getId().equals(merger.getId()))
                .allMatch(InboxEntry::isUnread));

        InboxEntry opened = asRune.call(() -> inbox.open(merger.getId()));
        long rune = db.customerOf(TestAccounts.RUN_AS_CUSTOMER_ID).getId();
        OffsetDateTime firstRead = fixtures.readAt(merger.getId(), rune);
        asRune.call(() -> inbox.open(merger.getId()));
        assertEquals(firstRead, fixtures.readAt(merger.getId(), rune), "the first reading counts");
        assertTrue(opened.isAwaitingAcknowledgement());
        assertEquals(unread - 1, asRune.call(() -> inbox.unreadCount()));

        InboxEntry acknowledged = asRune.call(() -> inbox.acknowledge(merger.getId()));
        assertNotNull(acknowledged.getAcknowledgedAt());
        // the same instant: the first answer carries the clock's Swedish offset, the second the database's
        assertEquals(
                acknowledged.getAcknowledgedAt().toInstant(),
                asRune.call(() -> inbox.acknowledge(merger.getId()))
                        .getAcknowledgedAt()
                        .toInstant(),
                "acknowledging again keeps the first time");
        assertEquals(
                Refusal.class,
                assertThrows(Refusal.class, () -> asRune.call(() -> inbox.acknowledge(operational.getId())))
                        .getClass());
        assertEquals(
                Refusal.class,
                assertThrows(Refusal.class, () -> asRune.call(() -> inbox.open(Long.MAX_VALUE)))
                        .getClass());
        assertEquals(
                1, asComms.call(() -> broadcasts.figures(merger.getId(), 0)).getAcknowledged());
    }

    @Test
    void aDraftMustBeCompleteAndOnlyCommunicationsPublish() throws Exception {
        NoticeDraft noEnglish = draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "x");
        noEnglish.setTitleEn(" ");
        noEnglish.setBodyEn(null);
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> publish(noEnglish));
        assertEquals(
                List.of("titleEn", "bodyEn"), List.copyOf(invalid.getProblems().keySet()));

        NoticeDraft merger = draft(NoticeKind.MERGER, NoticeAudience.ALL, "x");
        merger.setAcquirerPolicyUrl("javascript:alert(1)");
        assertEquals(
                "notices.acquirerPolicyUrl.invalid",
                assertThrows(InvalidInput.class, () -> publish(merger))
                        .getProblems()
                        .get("acquirerPolicyUrl"));
        NoticeDraft policy = draft(NoticeKind.POLICY_CHANGE, NoticeAudience.ALL, "x");
        policy.setPolicyVersion(999);
        assertTrue(assertThrows(InvalidInput.class, () -> publish(policy))
                .getProblems()
                .containsKey("policyVersion"));
        NoticeDraft platform = draft(NoticeKind.OPERATIONAL, NoticeAudience.PLATFORM, "x");
        assertTrue(assertThrows(InvalidInput.class, () -> publish(platform))
                .getProblems()
                .containsKey("platform"));
        NoticeDraft past = draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "x");
        past.setPublishAt(OffsetDateTime.now().minusDays(1));
        assertTrue(assertThrows(InvalidInput.class, () -> publish(past))
                .getProblems()
                .containsKey("publishAt"));

        assertThrows(
                EJBAccessException.class,
                () -> asRune.call(() -> broadcasts.publish(draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "x"))));
        assertThrows(EJBAccessException.class, () -> broadcasts.notices());
    }

    /**
     * Two nodes fanning out the same notice at once, then a third pass as after a restart: every customer in the
     * audience who chose e-mail gets exactly one mail.
     */
    @Test
    void eachCustomerGetsEachNoticeByMailOnceWhateverTheNodesDo() throws Exception {
        String tag = tag();
        for (int i = 0; i < 25; i++) {
            fixtures.customer(
                    "fanout." + tag + "." + i + "@example.com",
                    "Fanout",
                    Platform.ONCENTRUM_SE,
                    "SURVEYS_FEEDBACK",
                    false);
        }
        long restricted = fixtures.customer(
                "fanout." + tag + ".restricted@example.com",
                "Fanout",
                Platform.ONCENTRUM_SE,
                "SURVEYS_FEEDBACK",
                false);
        fixtures.restrict(restricted, true);
        NoticeDraft survey = draft(NoticeKind.OPERATIONAL, NoticeAudience.CONSENT, "Survey " + tag);
        survey.setPurposeCode("SURVEYS_FEEDBACK");
        // the portal's own timer may join in as a third node: the result must not change
        survey.setPublishAt(OffsetDateTime.now().plusSeconds(2));
        Notice notice = publish(survey);
        long audience = asComms.call(() -> broadcasts.audienceSize(notice));
        Awaitility.await("the notice's publication time")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !OffsetDateTime.now().isBefore(notice.getPublishAt()));

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> drain(notice.getId()));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> drain(notice.getId()));
        one.get();
        two.get();
        drain(notice.getId());

        assertTrue(audience >= 25);
        assertEquals(audience, fixtures.mailsFor(notice.getId()), "one mail per customer in the audience");
        assertEquals(fixtures.mailsFor(notice.getId()), fixtures.distinctRecipients(notice.getId()));
        assertFalse(fixtures.recipients(notice.getId()).contains("fanout." + tag + ".restricted@example.com"));
        assertNotNull(asComms.call(() -> broadcasts.notice(notice.getId())).getMailingDoneAt());
    }

    private int drain(long noticeId) {
        int total = 0;
        int batch;
        while ((batch = mailing.nextBatch(noticeId)) > 0) {
            total += batch;
        }
        return total;
    }

    /**
     * Policy §12: a consent that a newer policy version asks for again counts as not given until the customer
     * answers, everywhere a consent decides: whether marketing is allowed, notice audiences and their figures, the
     * inbox, the mail fan-out and the letter and phone lists. The same checks after the answer show they look.
     */
    @Test
    void aConsentAwaitingReconsentCountsAsNotGivenEverywhere() throws Exception {
        String tag = tag();
        String email = "reconsent." + tag + "@example.com";
        long waiting = fixtures.customer(email, "Vantar" + tag, Platform.ONCENTRUM_COM, "CAMPAIGNS_OFFERS", true);
        fixtures.choose(waiting, Channel.PORTAL, MessageKind.MARKETING, true);
        NoticeDraft campaignNews = draft(NoticeKind.ADMINISTRATIVE, NoticeAudience.CONSENT, "Campaign news " + tag);
        campaignNews.setPurposeCode("CAMPAIGNS_OFFERS");
        Notice forConsent = publish(campaignNews);
        Notice marketing = publish(draft(NoticeKind.MARKETING, NoticeAudience.ALL, "Campaign offer " + tag));
        long audience = asComms.call(() -> broadcasts.audienceSize(forConsent));
        assertGiven(true, waiting, email, tag, forConsent, marketing);

        // a version in force from now asks for the consent again
        asComms.call(() -> {
            PolicyVersion current = policies.current();
            PolicyDraft version = new PolicyDraft();
            version.setTextSv(current.text("sv") + "\n\nKampanjer " + tag);
            version.setTextEn(current.text("en") + "\n\nCampaigns " + tag);
            version.setSummarySv("Kampanjer och erbjudanden frågas igen");
            version.setSummaryEn("Campaigns and offers are asked for again");
            version.setReconsentPurposes(List.of("CAMPAIGNS_OFFERS"));
            return policies.publish(version);
        });
        assertGiven(false, waiting, email, tag, forConsent, marketing);
        assertEquals(audience - 1, asComms.call(() -> broadcasts.audienceSize(forConsent)), "the figure");

        fixtures.consent(waiting, "CAMPAIGNS_OFFERS", true);
        assertGiven(true, waiting, email, tag, forConsent, marketing);
        assertEquals(audience, asComms.call(() -> broadcasts.audienceSize(forConsent)), "the figure, answered");
    }

    private void assertGiven(
            boolean given, long customer, String email, String tag, Notice forConsent, Notice marketing)
            throws Exception {
        String state = given ? "in force" : "awaiting an answer";
        assertEquals(given, asComms.call(() -> consents.marketingAllowed(customer)), "marketing, " + state);
        assertEquals(given, fixtures.inboxLists(customer, forConsent.getId()), "the consent's notice, " + state);
        assertEquals(given, fixtures.inboxLists(customer, marketing.getId()), "the marketing notice, " + state);
        assertEquals(given, csv(forConsent, NoticeLists.Channel.LETTER).contains("Vantar" + tag), "letters, " + state);
        assertEquals(given, csv(forConsent, NoticeLists.Channel.PHONE).contains("Vantar" + tag), "phone, " + state);
        NoticeDraft mailed = draft(NoticeKind.ADMINISTRATIVE, NoticeAudience.CONSENT, "Mailed " + state + " " + tag);
        mailed.setPurposeCode("CAMPAIGNS_OFFERS");
        Notice notice = publish(mailed);
        drain(notice.getId());
        assertEquals(given, fixtures.recipients(notice.getId()).contains(email), "the mail fan-out, " + state);
    }

    /**
     * Policy §4 and §10: a customer who switched e-mail off for a kind of message gets no such mail, yet the inbox
     * (the tools channel, never off for operational and administrative messages) still tells them; a "no" for a kind
     * on every channel is honoured on each (mail, letters, phone; for marketing the inbox too). Each "no" has a
     * customer beside it who said yes, who gets the message, so the test looks where it should.
     */
    @Test
    void aNoForAKindOfMessageIsHonouredOnEveryChannelAndTheInboxStillTells() throws Exception {
        String tag = tag();
        String mailOff = "mail-off." + tag + "@example.com";
        String mailOn = "mail-on." + tag + "@example.com";
        long off = fixtures.customer(mailOff, "Tyst" + tag, Platform.SOMG_SE, null, false);
        fixtures.customer(mailOn, "Pratglad" + tag, Platform.SOMG_SE, null, false);
        fixtures.choose(off, Channel.EMAIL, MessageKind.OPERATIONAL, false);
        Notice operational = publish(draft(NoticeKind.OPERATIONAL, NoticeAudience.ALL, "Driftinfo " + tag));
        drain(operational.getId());
        assertFalse(fixtures.recipients(operational.getId()).contains(mailOff), "e-mail off: no mail");
        assertTrue(fixtures.recipients(operational.getId()).contains(mailOn));
        assertTrue(fixtures.inboxLists(off, operational.getId()), "the inbox still tells");

        String nowhere = "nowhere." + tag + "@example.com";
        long none = fixtures.customer(nowhere, "Ingenstans" + tag, Platform.SOMG_SE, null, true);
        fixtures.customer("everywhere." + tag + "@example.com", "Overallt" + tag, Platform.SOMG_SE, null, true);
        for (Channel channel : List.of(Channel.EMAIL, Channel.LETTER, Channel.PHONE)) {
            fixtures.choose(none, channel, MessageKind.ADMINISTRATIVE, false);
        }
        Notice administrative = publish(draft(NoticeKind.ADMINISTRATIVE, NoticeAudience.ALL, "Villkor " + tag));
        drain(administrative.getId());
        assertFalse(fixtures.recipients(administrative.getId()).contains(nowhere), "no mail");
        assertTrue(fixtures.recipients(administrative.getId()).contains("everywhere." + tag + "@example.com"));
        String letters = csv(administrative, NoticeLists.Channel.LETTER);
        String phone = csv(administrative, NoticeLists.Channel.PHONE);
        assertFalse(letters.contains("Ingenstans" + tag), "no letter");
        assertFalse(phone.contains("Ingenstans" + tag), "no call");
        assertTrue(letters.contains("Overallt" + tag) && phone.contains("Overallt" + tag));
        assertTrue(fixtures.inboxLists(none, administrative.getId()), "the inbox still tells");

        String noMarketing = "no-marketing." + tag + "@example.com";
        String yesMarketing = "yes-marketing." + tag + "@example.com";
        long no = fixtures.customer(noMarketing, "Nej" + tag, Platform.SOMG_SE, "MARKETING_LISTS", false);
        long yes = fixtures.customer(yesMarketing, "Ja" + tag, Platform.SOMG_SE, "MARKETING_LISTS", false);
        for (Channel channel : Channel.values()) {
            fixtures.choose(no, channel, MessageKind.MARKETING, false);
        }
        fixtures.choose(yes, Channel.EMAIL, MessageKind.MARKETING, true);
        fixtures.choose(yes, Channel.PORTAL, MessageKind.MARKETING, true);
        Notice offer = publish(draft(NoticeKind.MARKETING, NoticeAudience.ALL, "Erbjudande " + tag));
        drain(offer.getId());
        assertFalse(fixtures.recipients(offer.getId()).contains(noMarketing), "consent given, yet no marketing mail");
        assertFalse(fixtures.inboxLists(no, offer.getId()), "nor in the inbox");
        assertTrue(fixtures.recipients(offer.getId()).contains(yesMarketing));
        assertTrue(fixtures.inboxLists(yes, offer.getId()));
    }

    @Test
    void letterAndPhoneListsHoldOnlyThoseWhoChoseTheChannel() throws Exception {
        String tag = tag();
        fixtures.customer("letters." + tag + ".yes@example.com", "Brevsson" + tag, Platform.ONCENTRUM_COM, null, true);
        fixtures.customer("letters." + tag + ".no@example.com", "Mejlsson" + tag, Platform.ONCENTRUM_COM, null, false);
        long formula = fixtures.customer(
                "letters." + tag + ".formula@example.com",
                "=HYPERLINK(\"x\")" + tag,
                Platform.ONCENTRUM_COM,
                null,
                true);
        long restricted = fixtures.customer(
                "letters." + tag + ".restricted@example.com", "Begränsad" + tag, Platform.ONCENTRUM_COM, null, true);
        fixtures.restrict(restricted, true);
        NoticeDraft draft = draft(NoticeKind.MERGER, NoticeAudience.PLATFORM, "Letters " + tag);
        draft.setPlatform(Platform.ONCENTRUM_COM);
        Notice notice = publish(draft);

        String letters = csv(notice, NoticeLists.Channel.LETTER);
        String phone = csv(notice, NoticeLists.Channel.PHONE);

        assertTrue(letters.startsWith(
                "\uFEFFcustomer_number;given_name;family_name;street;postcode;city;country;language;title"));
        assertTrue(letters.contains("\"Brevsson" + tag + "\";\"Brevgatan 1\";\"111 22\";\"Stockholm\""), letters);
        assertFalse(letters.contains("Mejlsson" + tag), "did not choose letters");
        assertFalse(letters.contains("Begränsad" + tag), "restricted");
        assertTrue(letters.contains("\"'=HYPERLINK(\"\"x\"\")" + tag + "\""), "a formula is defused: " + letters);
        assertTrue(letters.contains("Letters " + tag + " (sv)"), "the title in the customer's language");
        assertTrue(phone.contains("\"+46705550100\""));
        assertFalse(phone.contains("Mejlsson" + tag));
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'NOTICE_LETTER_LIST' AND e.detail = ?1"
                                + " AND e.customerId IS NULL",
                        "#" + notice.getId()),
                "the export, once");
        long named = letters.lines().skip(1).filter(line -> !line.isBlank()).count();
        assertEquals(
                named,
                db.count(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'NOTICE_LETTER_LIST' AND e.detail = ?1"
                                + " AND e.customerId IS NOT NULL",
                        "#" + notice.getId()),
                "and for every customer it names (Access to my data)");
        assertTrue(formula > 0);
    }

    private String csv(Notice notice, NoticeLists.Channel channel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        asComms.call(() -> {
            lists.write(notice.getId(), channel, out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }
}
