package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** "SOMG's platforms": what each platform was told about a person and when it confirmed, read once per request. */
@Named("platformNews")
@RequestScoped
public class PlatformNewsView {

    @EJB
    private PlatformNews news;

    private List<PlatformNews.Told> mine;

    private Map<Long, List<PlatformNews.Told>> consents;

    public List<PlatformNews.Told> getMine() {
        if (mine == null) {
            mine = news.mine();
        }
        return mine;
    }

    /** What the platforms were told of one consent answer (by its event's id), read once per request. */
    public List<PlatformNews.Told> ofConsent(long consentEventId) {
        if (consents == null) {
            consents = news.myConsents();
        }
        return consents.getOrDefault(consentEventId, List.of());
    }

    public List<PlatformNews.Told> of(long customerId) {
        return news.ofCustomer(customerId);
    }
}
