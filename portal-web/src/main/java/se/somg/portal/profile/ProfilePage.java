package se.somg.portal.profile;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.somg.portal.InvalidInput;
import se.somg.portal.Refusal;
import se.somg.portal.account.Customer;
import se.somg.portal.language.Messages;

import java.io.Serializable;

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
        try {
            profiles.update(form);
            load();
            messages.info(null, "profile.saved");
        } catch (InvalidInput invalid) {
            messages.report("profile", invalid);
        } catch (Refusal refusal) {
            load();
            messages.error(null, refusal.getMessageKey());
        }
    }

    public void changeEmail() {
        char[] typed = emailPassword == null ? null : emailPassword.toCharArray();
        emailPassword = null;
        try {
            profiles.requestEmailChange(newEmail, typed);
            view = profiles.view();
            messages.info(null, "profile.email.sent", newEmail.strip(), view.getCustomer().getEmail());
            newEmail = null;
        } catch (InvalidInput invalid) {
            messages.report("emailChange", invalid);
        } catch (Refusal refusal) {
            messages.error(null, refusal.getMessageKey());
        }
    }

    public void cancelEmailChange() {
        profiles.cancelEmailChange();
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
        try {
            action.run();
            load();
            messages.info(null, doneKey);
        } catch (Refusal refusal) {
            messages.error(null, refusal.getMessageKey());
        }
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
