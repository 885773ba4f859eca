-- Issue 6: notices to customers (policy §4, §8, §10, §12). A notice is one row whatever its audience; who sees it
-- is worked out when a customer reads (fan-out on read). Read and acknowledge state is written when they act.

CREATE SEQUENCE notice_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE notice (
    id                  BIGINT PRIMARY KEY,
    kind                VARCHAR(16)  NOT NULL CHECK (kind IN ('OPERATIONAL', 'ADMINISTRATIVE', 'MERGER', 'POLICY_CHANGE', 'MARKETING')),
    title_sv            VARCHAR(200) NOT NULL,
    title_en            VARCHAR(200) NOT NULL,
    body_sv             VARCHAR(10000) NOT NULL,
    body_en             VARCHAR(10000) NOT NULL,
    audience            VARCHAR(16)  NOT NULL CHECK (audience IN ('ALL', 'PLATFORM', 'CONSENT')),
    audience_platform   VARCHAR(32),
    audience_purpose_id BIGINT REFERENCES consent_purpose (id),
    policy_version      INTEGER REFERENCES policy_version (number),
    acquirer_name       VARCHAR(200),
    acquirer_policy_url VARCHAR(500),
    publish_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    -- e-mail fan-out: done once every recipient has an outbox row
    mailing_done_at     TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL DEFAULT 0,
    CHECK (audience <> 'PLATFORM' OR audience_platform IS NOT NULL),
    CHECK (audience <> 'CONSENT' OR audience_purpose_id IS NOT NULL),
    CHECK (kind <> 'POLICY_CHANGE' OR policy_version IS NOT NULL),
    CHECK (kind <> 'MERGER' OR (acquirer_name IS NOT NULL AND acquirer_policy_url IS NOT NULL))
);
CREATE INDEX notice_published ON notice (publish_at DESC);
CREATE INDEX notice_mailing_due ON notice (publish_at) WHERE mailing_done_at IS NULL;

CREATE TABLE notice_receipt (
    notice_id       BIGINT NOT NULL REFERENCES notice (id),
    customer_id     BIGINT NOT NULL REFERENCES customer (id),
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (customer_id, notice_id)
);
CREATE INDEX notice_receipt_notice ON notice_receipt (notice_id);

-- One e-mail per notice and customer, ever: the key makes a fan-out batch that is repeated after a crash a no-op.
CREATE TABLE notice_mailing (
    notice_id   BIGINT NOT NULL REFERENCES notice (id),
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notice_id, customer_id)
);

ALTER TABLE outbox_message ADD COLUMN notice_id BIGINT REFERENCES notice (id);
CREATE INDEX outbox_message_notice ON outbox_message (notice_id, status) WHERE notice_id IS NOT NULL;
-- a password-reset link must not wait behind a million broadcast mails: one-to-one mail goes first
DROP INDEX outbox_message_due;
CREATE INDEX outbox_message_due ON outbox_message ((notice_id IS NOT NULL), next_attempt_at, id) WHERE status = 'PENDING';

-- accounts from before contact preferences existed get their defaults now (e-mail and inbox on, marketing off),
-- so the notice fan-out, which reads these rows, reaches them too
INSERT INTO contact_preference (id, customer_id, channel, kind, enabled)
SELECT nextval('contact_preference_seq'), c.id, ch.channel, k.kind,
       k.kind <> 'MARKETING' AND ch.channel IN ('EMAIL', 'PORTAL')
FROM customer c
CROSS JOIN (VALUES ('EMAIL'), ('LETTER'), ('PHONE'), ('PORTAL')) AS ch (channel)
CROSS JOIN (VALUES ('OPERATIONAL'), ('ADMINISTRATIVE'), ('MARKETING')) AS k (kind)
WHERE NOT EXISTS (SELECT 1 FROM contact_preference p WHERE p.customer_id = c.id);

-- audience look-ups by platform and by consent
CREATE INDEX customer_platform ON customer (platform, id);
CREATE INDEX consent_purpose_given ON consent (purpose_id, customer_id) WHERE given;
