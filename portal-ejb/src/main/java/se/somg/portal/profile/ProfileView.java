package se.somg.portal.profile;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import se.somg.portal.account.Customer;

/** Everything the profile page shows: the data, where each datum came from, and the change history. */
public class ProfileView implements Serializable {

    private final Customer customer;
    private final Map<String, DatumSource> sources;
    private final List<Interest> interests;
    private final List<CampaignImage> images;
    private final List<Rectification> rectifications;
    private final String pendingEmail;

    public ProfileView(
            Customer customer,
            Map<String, DatumSource> sources,
            List<Interest> interests,
            List<CampaignImage> images,
            List<Rectification> rectifications,
            String pendingEmail) {
        this.customer = customer;
        this.sources = sources;
        this.interests = interests;
        this.images = images;
        this.rectifications = rectifications;
        this.pendingEmail = pendingEmail;
    }

    public Customer getCustomer() {
        return customer;
    }

    /** Keyed by {@link ProfileField} name, for the page. */
    public Map<String, DatumSource> getSources() {
        return sources;
    }

    public List<Interest> getInterests() {
        return interests;
    }

    public List<CampaignImage> getImages() {
        return images;
    }

    public List<Rectification> getRectifications() {
        return rectifications;
    }

    public String getPendingEmail() {
        return pendingEmail;
    }
}
