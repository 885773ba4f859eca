package se.somg.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.somg.portal.consent.ConsentEvent;
import se.somg.portal.consent.ConsentMethod;
import se.somg.portal.consent.ConsentOverview;
import se.somg.portal.consent.ConsentRow;
import se.somg.portal.consent.ConsentService;
import se.somg.portal.policy.PolicyService;
import se.somg.portal.preference.PreferenceService;
import se.somg.portal.testing.PortalDeployment;
import se.somg.portal.testing.RunAsCustomer;
import se.somg.portal.testing.TestAccounts;
import se.somg.portal.testing.TestSupport;

/** The consent event log, its idempotency and derived state, and consent-gated marketing, in Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class ConsentServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.withTestClasses(ConsentServiceIT.class, TestSupport.class);
    }

    @EJB
    private ConsentService consents;

    @EJB
    private PreferenceService preferences;

    @EJB
    private PolicyService policies;

    @EJB
    private RunAsCustomer asCustomer;

    @EJB
    private TestSupport db;

    private long runeId() {
        return db.customerOf(TestAccounts.RUN_AS_CUSTOMER_ID).getId();
    }

    @Test
    void givingTwiceWritesOneEventAndWithdrawingWritesTheNext() throws Exception {
        long before = db.consentEvents(runeId(), "COMPETITIONS");

        ConsentEvent first = asCustomer.call(() -> consents.grant("COMPETITIONS"));
        ConsentEvent replay = asCustomer.call(() -> consents.grant("COMPETITIONS"));

        assertEquals(first.getId(), replay.getId(), "a replayed grant returns the event that already gave it");
        assertEquals(before + 1, db.consentEvents(runeId(), "COMPETITIONS"));
        assertEquals(ConsentMethod.PORTAL, first.getMethod());
        assertEquals(policies.current().getNumber(), first.getPolicyVersion(), "the version in force is recorded");
        assertNotNull(first.getReceiptId());
        ConsentOverview given = asCustomer.call(() -> consents.page());
        assertEquals(first.getId(), row(given, "COMPETITIONS").getLastEvent().getId());
        assertTrue(row(given, "COMPETITIONS").isGiven());
        assertEquals(first.getId(), given.history().get(0).getId(), "the page's history is newest first");

        ConsentEvent withdrawal = asCustomer.call(() -> consents.withdraw("COMPETITIONS"));
        assertFalse(withdrawal.isGiven());
        assertEquals(before + 2, db.consentEvents(runeId(), "COMPETITIONS"));
        assertTrue(db.stateMatchesNewestEvents(runeId()));
        ConsentOverview withdrawn = asCustomer.call(() -> consents.page());
        assertFalse(row(withdrawn, "COMPETITIONS").isGiven());
        assertEquals(withdrawal.getId(), withdrawn.history().get(0).getId());
        assertEquals(
                asCustomer.call(() -> consents.history()).stream()
                        .map(ConsentEvent::getId)
                        .toList(),
                withdrawn.history().stream().map(ConsentEvent::getId).toList(),
                "the page shows the same history as the service's own list");
        assertEquals(
                asCustomer.call(() -> consents.purposes()).size(),
                withdrawn.rows().size(),
                "every purpose has its row");
    }

    private static ConsentRow row(ConsentOverview page, String code) {
        return page.rows().stream()
                .filter(r -> r.getPurpose().getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withdrawingWhatWasNeverGivenWritesNothing() throws Exception {
        assertNull(asCustomer.call(() -> consents.withdraw("CAMPAIGN_IMAGES")));
        assertEquals(0, db.consentEvents(runeId(), "CAMPAIGN_IMAGES"));
    }

    @Test
    void aDoubleClickArrivingTogetherWritesOneEvent() throws Exception {
        long before = db.consentEvents(runeId(), "EVENTS");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ConsentEvent>> clicks = List.of(
                CompletableFuture.supplyAsync(() -> grantAfter(start, "EVENTS")),
                CompletableFuture.supplyAsync(() -> grantAfter(start, "EVENTS")));
        start.countDown();

        assertEquals(clicks.get(0).get().getId(), clicks.get(1).get().getId());
        assertEquals(before + 1, db.consentEvents(runeId(), "EVENTS"));
        asCustomer.call(() -> consents.withdraw("EVENTS"));
    }

    private ConsentEvent grantAfter(CountDownLatch start, String code) {
        try {
            start.await();
            return asCustomer.call(() -> consents.grant(code));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void marketingIsAllowedOnlyWhileAMarketingConsentIsGiven() throws Exception {
        InvalidInput refused = assertThrows(
                InvalidInput.class,
                () -> asCustomer.call(() -> {
                    preferences.update(Map.of("EMAIL_MARKETING", true), null);
                    return null;
                }));
        assertEquals(Map.of("EMAIL_MARKETING", "preferences.marketing.consent"), refused.getProblems());

        asCustomer.call(() -> consents.grant("MARKETING_LISTS"));
        assertTrue(asCustomer.call(() -> consents.marketingAllowed(runeId())));
        asCustomer.call(() -> {
            preferences.update(Map.of("EMAIL_MARKETING", true), null);
            return null;
        });
        assertTrue(asCustomer.call(() -> preferences.current()).getCells().get("EMAIL_MARKETING"));

        asCustomer.call(() -> consents.withdraw("MARKETING_LISTS"));
        assertFalse(
                asCustomer.call(() -> preferences.current()).getCells().get("EMAIL_MARKETING"),
                "withdrawing the consent switches marketing off at once");
    }

    @Test
    void anotherCustomersReceiptIsNotFound() {
        long annas = db.annasFirstConsentEvent();
        Refusal refused = assertThrows(Refusal.class, () -> asCustomer.call(() -> consents.ownEvent(annas)));
        assertEquals("consent.notFound", refused.getMessageKey());
    }

    @Test
    void anUnknownPurposeIsRefused() {
        Refusal refused = assertThrows(Refusal.class, () -> asCustomer.call(() -> consents.grant("NO_SUCH_PURPOSE")));
        assertEquals("consent.unknown", refused.getMessageKey());
    }
}
