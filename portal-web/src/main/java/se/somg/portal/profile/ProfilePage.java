package se.somg.portal.profile;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import se.somg.portal.Refusal;
import se.somg.portal.account.Customer;
import se.somg.portal.account.EmailChange;
import se.somg.portal.language.Messages;

/**
 * The profile page: every §5.1 category held, editable where the customer may keep it correct, with the
 * source of each datum and the history of changes. The form remembers the version it was filled in from,
 * so a save from a stale tab is refused instead of overwriting.
 */
@Named("profile")
@ViewScoped
public class ProfilePage implements Serializable {

    @EJB
    private ProfileService profiles;

    @EJB
    private EmailChange emailChange;

    @Inject
    private Messages messages;

    // What is only shown is transient: a replicated session carries the form, and any node reads the rest again.
    private transient ProfileView view;
    private ProfileChange form;
    private String newEmail;
    private String emailPassword;

    @PostConstruct
    void load() {
        view = profiles.view();
        form = ProfileChange.from(view.getCustomer());
    }

    public void save() {
        profiles.update(form);
        load();
        messages.info(null, "profile.saved");
    }

    public void changeEmail() {
        char[] typed = emailPassword == null ? null : emailPassword.toCharArray();
        emailPassword = null;
        emailChange.request(newEmail, typed);
        view = profiles.view();
        messages.info(
                null, "profile.email.sent", newEmail.strip(), view.getCustomer().getEmail());
        newEmail = null;
    }

    public void cancelEmailChange() {
        emailChange.cancel();
        view = profiles.view();
        messages.info(null, "profile.email.cancelled");
    }

    public void removeInterest(long id) {
        act(() -> profiles.removeInterest(id), "profile.interest.removed");
    }

    public void requestImageDeletion(long id) {
        act(() -> profiles.requestImageDeletion(id), "profile.image.deletionRequested");
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        load();
        messages.info(null, doneKey);
    }

    /** A save from a stale form was refused: the form shows the profile as it is now, to be changed again. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) Refusal refusal) {
        load();
    }

    public Customer getCustomer() {
        return getView().getCustomer();
    }

    public ProfileView getView() {
        if (view == null) {
            view = profiles.view();
        }
        return view;
    }

    public ProfileChange getForm() {
        return form;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }
}
