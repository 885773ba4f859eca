-- An erasure, restriction or objection is completed only when every platform holding the person has confirmed it,
-- or the privacy officer has recorded why a platform cannot (policy §7): until then the request waits, still open
-- and still bound by its due date.
ALTER TABLE subject_request DROP CONSTRAINT subject_request_status_check;
ALTER TABLE subject_request ADD CONSTRAINT subject_request_status_check
    CHECK (status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING', 'COMPLETED', 'REJECTED'));
DROP INDEX subject_request_open;
CREATE INDEX subject_request_open ON subject_request (due_at) WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'CONFIRMING');
CREATE INDEX subject_request_confirming ON subject_request (customer_id) WHERE status = 'CONFIRMING';

-- Why a platform cannot confirm, recorded by the privacy officer instead of the platform's confirmation.
ALTER TABLE platform_event ADD COLUMN waived_at TIMESTAMPTZ;
ALTER TABLE platform_event ADD COLUMN waived_reason VARCHAR(1000);
ALTER TABLE platform_event ADD COLUMN waived_by VARCHAR(64);
CREATE INDEX platform_event_unsettled ON platform_event (customer_id, type)
    WHERE needs_confirmation AND confirmed_at IS NULL AND waived_at IS NULL;

-- What in the portal an event tells of (a consent event: 'consent-event:<id>'), so the customer's consent history
-- shows what each platform was told of each answer and when it confirmed it.
ALTER TABLE platform_event ADD COLUMN about VARCHAR(64);
