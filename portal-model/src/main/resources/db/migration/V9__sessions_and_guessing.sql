-- Every session of an account ends when its password or address changes, when it is erased, and on
-- "log out everywhere": a session is valid only while it was signed in under the account's current generation.
ALTER TABLE credential ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;

-- Guessing a password is slowed down per account (growing delays) instead of locking the account, a lock anyone
-- could renew; the owner is told by mail, at most once a day. Still no network address anywhere.
ALTER TABLE credential RENAME COLUMN locked_until TO throttled_until;
ALTER TABLE credential ADD COLUMN guessing_reported_at TIMESTAMP WITH TIME ZONE;

-- A browser the owner has signed in with before is not slowed down by someone else's guessing: it holds a random
-- token (the portal_device cookie), kept here only as its SHA-256, with failures of its own.
CREATE SEQUENCE trusted_device_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE trusted_device (
    id              BIGINT PRIMARY KEY,
    credential_id   BIGINT   NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    token_hash      CHAR(64) NOT NULL UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER  NOT NULL DEFAULT 0
);
CREATE INDEX trusted_device_credential ON trusted_device (credential_id);
