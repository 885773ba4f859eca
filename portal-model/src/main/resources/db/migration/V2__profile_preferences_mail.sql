-- Issue 3: registration with e-mail confirmation, single-use tokens, rectification history, the source of
-- each datum, interests, campaign images, contact preferences and the mail outbox.

ALTER TABLE credential ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
UPDATE credential SET confirmed_at = created_at;

ALTER TABLE customer ADD COLUMN accepted_policy_version INTEGER;
ALTER TABLE customer ADD COLUMN policy_accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN preferred_language VARCHAR(2) NOT NULL DEFAULT 'sv' CHECK (preferred_language IN ('sv', 'en'));

CREATE SEQUENCE account_token_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE account_token (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT      NOT NULL REFERENCES credential (id),
    purpose       VARCHAR(32) NOT NULL CHECK (purpose IN ('CONFIRM_REGISTRATION', 'CONFIRM_EMAIL_CHANGE', 'RESET_PASSWORD')),
    token_hash    CHAR(64)    NOT NULL UNIQUE,
    new_email     VARCHAR(254),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_credential ON account_token (credential_id, purpose);

CREATE SEQUENCE rectification_seq INCREMENT BY 50 START WITH 50;
-- Which field changed, when and by whom; the old value is deliberately not kept (data minimisation).
CREATE TABLE rectification (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    field       VARCHAR(40) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(64) NOT NULL
);
CREATE INDEX rectification_customer ON rectification (customer_id, changed_at);

CREATE SEQUENCE datum_source_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE datum_source (
    id           BIGINT PRIMARY KEY,
    customer_id  BIGINT      NOT NULL REFERENCES customer (id),
    field        VARCHAR(40) NOT NULL,
    platform     VARCHAR(32) NOT NULL,
    circumstance VARCHAR(32) NOT NULL,
    collected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (customer_id, field)
);

CREATE SEQUENCE interest_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE interest (
    id           BIGINT PRIMARY KEY,
    customer_id  BIGINT      NOT NULL REFERENCES customer (id),
    tag          VARCHAR(60) NOT NULL,
    platform     VARCHAR(32) NOT NULL,
    circumstance VARCHAR(32) NOT NULL,
    collected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (customer_id, tag)
);

CREATE SEQUENCE campaign_image_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE campaign_image (
    id                    BIGINT PRIMARY KEY,
    customer_id           BIGINT       NOT NULL REFERENCES customer (id),
    campaign              VARCHAR(120) NOT NULL,
    content_type          VARCHAR(40)  NOT NULL,
    content               BYTEA        NOT NULL,
    platform              VARCHAR(32)  NOT NULL,
    collected_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deletion_requested_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX campaign_image_customer ON campaign_image (customer_id);

CREATE SEQUENCE contact_preference_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE contact_preference (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    channel     VARCHAR(16) NOT NULL CHECK (channel IN ('EMAIL', 'LETTER', 'PHONE', 'PORTAL')),
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('OPERATIONAL', 'ADMINISTRATIVE', 'MARKETING')),
    enabled     BOOLEAN     NOT NULL,
    UNIQUE (customer_id, channel, kind),
    -- the portal inbox always receives operational and administrative messages
    CHECK (channel <> 'PORTAL' OR kind = 'MARKETING' OR enabled)
);

CREATE SEQUENCE outbox_message_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE outbox_message (
    id              BIGINT PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE status = 'PENDING';
