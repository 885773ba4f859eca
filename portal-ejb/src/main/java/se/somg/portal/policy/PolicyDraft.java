package se.somg.portal.policy;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** What a COMMUNICATIONS staff member fills in to publish a new policy version. */
public class PolicyDraft implements Serializable {

    private String textSv;
    private String textEn;
    private String summarySv;
    private String summaryEn;
    /** Swedish local time; empty means at once. */
    private LocalDateTime effectiveFrom;

    private List<String> reconsentPurposes = new ArrayList<>();

    public String getTextSv() {
        return textSv;
    }

    public void setTextSv(String textSv) {
        this.textSv = textSv;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getSummarySv() {
        return summarySv;
    }

    public void setSummarySv(String summarySv) {
        this.summarySv = summarySv;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String summaryEn) {
        this.summaryEn = summaryEn;
    }

    public LocalDateTime getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDateTime effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public List<String> getReconsentPurposes() {
        return reconsentPurposes;
    }

    public void setReconsentPurposes(List<String> reconsentPurposes) {
        this.reconsentPurposes = reconsentPurposes;
    }
}
