package se.somg.portal.request;

public enum RequestStatus {
    SUBMITTED,
    IN_PROGRESS,
    /** Carried out in the portal and told to SOMG's platforms; completed when every one has confirmed. */
    CONFIRMING,
    COMPLETED,
    REJECTED;

    /** Not yet completed or rejected: in the queue, and bound by the due date. */
    public static final java.util.List<RequestStatus> OPEN = java.util.List.of(SUBMITTED, IN_PROGRESS, CONFIRMING);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
