package se.somg.portal.request;

public enum RequestStatus {
    SUBMITTED,
    IN_PROGRESS,
    /** Carried out in the portal and told to SOMG's platforms; completed when every one has confirmed. */
    CONFIRMING,
    COMPLETED,
    REJECTED;

    public boolean isOpen() {
        return this == SUBMITTED || this == IN_PROGRESS || this == CONFIRMING;
    }
}
