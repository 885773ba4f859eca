package se.somg.portal.audit;

import java.util.Arrays;
import java.util.List;

/**
 * What the audit trail records, one word each. Those marked {@code staffLook} are staff opening or handing out one
 * customer's data: the customer sees them on "Access to my data".
 */
public enum AuditAction {
    CUSTOMER_LOOKUP(true),
    REQUEST_FILED(false),
    REQUEST_VIEWED(true),
    REQUEST_STARTED(true),
    REQUEST_EXTENDED(true),
    REQUEST_COMPLETED(true),
    REQUEST_REJECTED(true),
    REQUEST_SENT_TO_PLATFORMS(false),
    COMPLAINT_FILED(false),
    COMPLAINT_ANSWERED(true),
    CONTRACT_ENDED(false),
    DISCLOSURE_RECORDED(true),
    EXTRACT_ISSUED(false),
    NOTICE_PUBLISHED(false),
    NOTICE_LETTER_LIST(true),
    NOTICE_PHONE_LIST(true),
    POLICY_PUBLISHED(false),
    RETENTION_RUN(false),
    RETENTION_DRY_RUN(false),
    AUDIT_EXPORTED(false),
    STAFF_INVITED(false),
    STAFF_SET_UP(false),
    STAFF_ROLES_CHANGED(false),
    STAFF_DEACTIVATED(false),
    STAFF_REACTIVATED(false),
    SECOND_FACTOR_ADDED(false),
    SECOND_FACTOR_REMOVED(false),
    RECOVERY_CODES_RENEWED(false),
    RECOVERY_CODE_USED(false),
    ACCOUNT_SECURED(false),
    PLATFORM_ADDED(false),
    PLATFORM_CHANGED(false),
    PLATFORM_DEACTIVATED(false),
    PLATFORM_REACTIVATED(false),
    PLATFORM_CREDENTIAL_ISSUED(false),
    PLATFORM_TEST_SENT(false),
    PLATFORM_REFUSED(false),
    PLATFORM_CONFIRMATION_WAIVED(false);

    /** What administrators do to staff accounts, and what a staff member does to their own second factors. */
    public static List<AuditAction> staffAccountChanges() {
        return List.of(
                STAFF_INVITED,
                STAFF_SET_UP,
                STAFF_ROLES_CHANGED,
                STAFF_DEACTIVATED,
                STAFF_REACTIVATED,
                SECOND_FACTOR_ADDED,
                SECOND_FACTOR_REMOVED,
                RECOVERY_CODES_RENEWED,
                RECOVERY_CODE_USED,
                ACCOUNT_SECURED);
    }

    private final boolean staffLook;

    AuditAction(boolean staffLook) {
        this.staffLook = staffLook;
    }

    public boolean isStaffLook() {
        return staffLook;
    }

    public static List<AuditAction> staffLooks() {
        return Arrays.stream(values()).filter(AuditAction::isStaffLook).toList();
    }
}
