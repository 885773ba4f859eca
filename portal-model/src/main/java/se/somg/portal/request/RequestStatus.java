package se.somg.portal.request;

public enum RequestStatus {
    SUBMITTED,
    IN_PROGRESS,
    COMPLETED,
    REJECTED;

    public boolean isOpen() {
        return this == SUBMITTED || this == IN_PROGRESS;
    }
}
