-- Staff accounts are made by an administrator, and a staff member may hold several roles. An address is a
-- customer's or a staff member's, never both: the credential says which (kind), the staff member's roles are
-- their own table.
CREATE TABLE staff_role (
    staff_member_id BIGINT      NOT NULL REFERENCES staff_member (id) ON DELETE CASCADE,
    role            VARCHAR(32) NOT NULL
        CHECK (role IN ('SUPPORT', 'PRIVACY_OFFICER', 'COMMUNICATIONS', 'ADMINISTRATOR')),
    PRIMARY KEY (staff_member_id, role)
);
INSERT INTO staff_role (staff_member_id, role)
SELECT s.id, c.role FROM staff_member s JOIN credential c ON c.id = s.credential_id WHERE c.role <> 'CUSTOMER';

ALTER TABLE credential DROP CONSTRAINT credential_role_check;
ALTER TABLE credential RENAME COLUMN role TO kind;
UPDATE credential SET kind = 'STAFF' WHERE kind <> 'CUSTOMER';
ALTER TABLE credential ALTER COLUMN kind TYPE VARCHAR(16);
ALTER TABLE credential ADD CONSTRAINT credential_kind_check CHECK (kind IN ('CUSTOMER', 'STAFF'));

-- A deactivated staff member cannot sign in; the row stays, so the audit trail keeps their id.
ALTER TABLE staff_member ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE staff_member ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check CHECK (purpose IN
    ('CONFIRM_REGISTRATION', 'CONFIRM_EMAIL_CHANGE', 'RESET_PASSWORD', 'STAFF_SETUP', 'SECURE_ACCOUNT'));

-- Second factors. Wrong codes slow the account down as wrong passwords do, with a counter of their own.
ALTER TABLE credential ADD COLUMN failed_codes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE credential ADD COLUMN codes_throttled_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE credential ADD COLUMN passkey_user_handle VARCHAR(43) UNIQUE;

CREATE TABLE authenticator_app (
    credential_id  BIGINT PRIMARY KEY REFERENCES credential (id) ON DELETE CASCADE,
    secret         VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    enabled_at     TIMESTAMP WITH TIME ZONE,
    last_step      BIGINT  NOT NULL DEFAULT 0,
    codes_reusable BOOLEAN NOT NULL DEFAULT FALSE,
    version        BIGINT  NOT NULL DEFAULT 0
);

CREATE SEQUENCE passkey_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE passkey (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT        NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    key_id        VARCHAR(1400) NOT NULL UNIQUE,
    attested_data BYTEA         NOT NULL,
    sign_count    BIGINT        NOT NULL,
    name          VARCHAR(60)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkey_credential ON passkey (credential_id);

CREATE SEQUENCE recovery_code_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE recovery_code (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT   NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    code_hash     CHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_credential ON recovery_code (credential_id);

-- A browser its owner marked as trusted is not asked for the second factor.
ALTER TABLE trusted_device ADD COLUMN skips_second_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- The owner's own sign-in history: how, and the coarse browser and operating-system family. Still no network
-- address anywhere (policy 5.1). Failed attempts are only counted, per day.
ALTER TABLE login_record ADD COLUMN method VARCHAR(16) NOT NULL DEFAULT 'PASSWORD'
    CHECK (method IN ('PASSWORD', 'CODE', 'RECOVERY_CODE', 'PASSKEY'));
ALTER TABLE login_record ADD COLUMN browser VARCHAR(32);
ALTER TABLE login_record ADD COLUMN operating_system VARCHAR(32);
ALTER TABLE login_record ADD COLUMN trusted_device_id BIGINT REFERENCES trusted_device (id) ON DELETE SET NULL;
CREATE INDEX login_record_trusted_device ON login_record (trusted_device_id);

CREATE TABLE sign_in_failure (
    credential_id BIGINT  NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    day           DATE    NOT NULL,
    attempts      INTEGER NOT NULL,
    PRIMARY KEY (credential_id, day)
);
