-- An erased account keeps no address at all: erasure must not depend on a value anyone else can take
-- (registering 'erased-<id>@erased.invalid' used to make every later retention run fail on that account).
ALTER TABLE credential ALTER COLUMN email DROP NOT NULL;
UPDATE credential SET email = NULL WHERE password_hash = 'ERASED';
ALTER TABLE credential ADD CONSTRAINT credential_address_unless_erased CHECK (email IS NOT NULL OR password_hash = 'ERASED');

-- A mail belongs to the account it was written for, so an erasure finds it whatever address it went to.
ALTER TABLE outbox_message ADD COLUMN credential_id BIGINT REFERENCES credential (id) ON DELETE CASCADE;
UPDATE outbox_message o SET credential_id = c.id FROM credential c WHERE c.email = o.recipient;
CREATE INDEX outbox_message_credential ON outbox_message (credential_id);

-- One account that cannot be anonymised is skipped, reported and tried again by the next run; it no longer stops
-- the others. The reason is a code (SQLSTATE and kind of failure), never a value from the failing row.
CREATE TABLE retention_failure (
    run_id      BIGINT       NOT NULL REFERENCES retention_run (id),
    customer_id BIGINT       NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(120) NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);
ALTER TABLE retention_run ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
