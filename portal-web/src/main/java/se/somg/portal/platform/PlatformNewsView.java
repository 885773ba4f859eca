package se.somg.portal.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** "SOMG's platforms": what each platform was told about a person and when it confirmed, read once per request. */
@Named("platformNews")
@RequestScoped
public class PlatformNewsView {

    @EJB
    private PlatformNews news;

    private List<PlatformNews.Told> mine;

    public List<PlatformNews.Told> getMine() {
        if (mine == null) {
            mine = news.mine();
        }
        return mine;
    }

    public List<PlatformNews.Told> of(long customerId) {
        return news.ofCustomer(customerId);
    }
}
