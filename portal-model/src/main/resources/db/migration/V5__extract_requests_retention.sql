-- Issue 5: register extracts, data-subject requests, complaints, lawful disclosures, restriction and retention.

-- Each extract issued: when, which format and the SHA-256 of the exact bytes, so a customer can prove later
-- that a file is the one the portal gave them. Also the basis of the five-an-hour limit.
CREATE SEQUENCE extract_record_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE extract_record (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    format      VARCHAR(8)  NOT NULL CHECK (format IN ('JSON', 'PDF')),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256      CHAR(64)    NOT NULL
);
CREATE INDEX extract_record_customer ON extract_record (customer_id, issued_at);

CREATE SEQUENCE subject_request_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE subject_request (
    id               BIGINT PRIMARY KEY,
    customer_id      BIGINT       NOT NULL REFERENCES customer (id),
    kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('ERASURE', 'RESTRICTION', 'OBJECTION', 'RECTIFICATION')),
    message          VARCHAR(2000),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('SUBMITTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')),
    filed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- GDPR art. 12(3): one month, extendable once by at most two further months, with a reason
    extended_due_at  TIMESTAMP WITH TIME ZONE,
    extension_reason VARCHAR(1000),
    resolution       VARCHAR(1000),
    resolved_at      TIMESTAMP WITH TIME ZONE,
    handled_by       VARCHAR(64),
    version          BIGINT       NOT NULL DEFAULT 0,
    CHECK (extended_due_at IS NULL OR extended_due_at <= due_at + INTERVAL '2 months 1 day')
);
CREATE INDEX subject_request_customer ON subject_request (customer_id, filed_at);
CREATE INDEX subject_request_open ON subject_request (due_at) WHERE status IN ('SUBMITTED', 'IN_PROGRESS');

CREATE SEQUENCE complaint_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE complaint (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT        NOT NULL REFERENCES customer (id),
    category    VARCHAR(24)   NOT NULL CHECK (category IN ('DATA_USE', 'MARKETING', 'SECURITY', 'RIGHTS', 'OTHER')),
    text        VARCHAR(4000) NOT NULL,
    filed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answer      VARCHAR(4000),
    answered_at TIMESTAMP WITH TIME ZONE,
    answered_by VARCHAR(64),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX complaint_customer ON complaint (customer_id, filed_at);

-- Policy §5.6: disclosures the law required, listed in the customer's extract as recipients.
CREATE SEQUENCE lawful_disclosure_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE lawful_disclosure (
    id           BIGINT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL REFERENCES customer (id),
    recipient    VARCHAR(200) NOT NULL,
    legal_ground VARCHAR(500) NOT NULL,
    disclosed_on DATE         NOT NULL,
    categories   VARCHAR(500) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX lawful_disclosure_customer ON lawful_disclosure (customer_id, disclosed_on);

ALTER TABLE customer ADD COLUMN restricted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN contract_ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
-- the retention job's candidates: ended contracts not yet anonymised
CREATE INDEX customer_retention ON customer (contract_ended_at, id) WHERE anonymised_at IS NULL AND contract_ended_at IS NOT NULL;

-- The confirmation of an erasure is the last mail to that address: once sent (or given up), its address and
-- text are wiped as well.
ALTER TABLE outbox_message ADD COLUMN erase_after_sending BOOLEAN NOT NULL DEFAULT FALSE;

CREATE SEQUENCE retention_run_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE retention_run (
    id          BIGINT PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    dry_run     BOOLEAN     NOT NULL,
    cutoff      TIMESTAMP WITH TIME ZONE NOT NULL,
    candidates  INTEGER     NOT NULL DEFAULT 0,
    anonymised  INTEGER     NOT NULL DEFAULT 0,
    batches     INTEGER     NOT NULL DEFAULT 0,
    started_by  VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED')),
    version     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX retention_run_started ON retention_run (started_at);

-- an erasure removes the mails kept for an address
CREATE INDEX outbox_message_recipient ON outbox_message (recipient);
