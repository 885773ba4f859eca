package se.somg.portal.policy;

import java.io.Serializable;

/** One changed line between two policy versions. */
public class PolicyDifference implements Serializable {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    private final Kind kind;
    private final String before;
    private final String after;

    public PolicyDifference(Kind kind, String before, String after) {
        this.kind = kind;
        this.before = before;
        this.after = after;
    }

    public Kind getKind() {
        return kind;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
