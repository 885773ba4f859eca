package se.somg.portal.notice;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import se.somg.portal.Sweden;
import se.somg.portal.consent.ConsentPurpose;
import se.somg.portal.kernel.Platform;
import se.somg.portal.language.Messages;
import se.somg.portal.policy.PolicyVersion;

/** Communications: compose a notice, preview it with its audience, publish now or at a time; the notices so far. */
@Named("compose")
@ViewScoped
public class ComposePage implements Serializable {

    @EJB
    private BroadcastService service;

    @Inject
    private Messages messages;

    private NoticeDraft draft = new NoticeDraft();
    private LocalDateTime publishAt;
    private Notice preview;
    private long previewAudience;
    private List<Notice> notices;

    @PostConstruct
    void load() {
        notices = service.notices();
    }

    public void preview() {
        preview = null;
        draft.setPublishAt(
                publishAt == null ? null : publishAt.atZone(Sweden.ZONE).toOffsetDateTime());
        preview = service.preview(draft);
        previewAudience = service.audienceSize(preview);
    }

    public String publish() {
        draft.setPublishAt(
                publishAt == null ? null : publishAt.atZone(Sweden.ZONE).toOffsetDateTime());
        Notice published = service.publish(draft);
        messages.info(null, "notices.published");
        jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .setKeepMessages(true);
        return "/staff/communications/notice?faces-redirect=true&id=" + published.getId();
    }

    public void edit() {
        preview = null;
    }

    public NoticeKind[] getKinds() {
        return NoticeKind.values();
    }

    public NoticeAudience[] getAudiences() {
        return NoticeAudience.values();
    }

    public Platform[] getPlatforms() {
        return Platform.values();
    }

    public List<ConsentPurpose> getPurposes() {
        return service.purposes();
    }

    public List<PolicyVersion> getPolicyVersions() {
        return service.policyVersions();
    }

    public NoticeDraft getDraft() {
        return draft;
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }

    public Notice getPreview() {
        return preview;
    }

    public long getPreviewAudience() {
        return previewAudience;
    }

    public List<Notice> getNotices() {
        return notices;
    }
}
