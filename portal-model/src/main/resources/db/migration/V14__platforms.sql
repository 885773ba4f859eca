-- SOMG's platforms as data (policy §1): where customers' data is collected and used. The portal tells each platform
-- the changes it must honour (platform_event, an outbox written in the same transaction as the change) and takes
-- in the people a platform holds (platform_person). A platform signs in to its API with a credential, stored hashed.
CREATE TABLE platform (
    code            VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name            VARCHAR(100) NOT NULL,
    domain          VARCHAR(253) NOT NULL UNIQUE,
    -- the kinds of change it is told, space-separated (an erasure, restriction or objection always)
    events          VARCHAR(1000) NOT NULL DEFAULT '',
    -- where its events are posted; none: it reads the change feed
    webhook_url     VARCHAR(500),
    -- Standard Webhooks signing secret ("whsec_" and base64), shown to the administrator, never to anyone else
    webhook_secret  VARCHAR(100) NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    failing_since   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);

INSERT INTO platform (code, name, domain, events, webhook_secret)
SELECT code, name, domain,
       'consent.given consent.withdrawn preferences.changed profile.rectified restriction.in-force '
           || 'objection.in-force erasure.done contract.ended policy.accepted',
       'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64')
FROM (VALUES ('SOMG_SE', 'SOMG', 'www.somg.se'),
             ('ONCENTRUM_COM', 'Oncentrum', 'www.oncentrum.com'),
             ('ONCENTRUM_SE', 'Oncentrum Sverige', 'www.oncentrum.se'),
             ('MITTCENTRUM_COM', 'Mittcentrum', 'mittcentrum.com')) AS policy (code, name, domain);

-- where a customer registered and where each datum came from point at a platform of the table
ALTER TABLE customer ADD CONSTRAINT customer_platform_fk FOREIGN KEY (platform) REFERENCES platform (code);
ALTER TABLE datum_source ADD CONSTRAINT datum_source_platform_fk FOREIGN KEY (platform) REFERENCES platform (code);
ALTER TABLE interest ADD CONSTRAINT interest_platform_fk FOREIGN KEY (platform) REFERENCES platform (code);
ALTER TABLE campaign_image ADD CONSTRAINT campaign_image_platform_fk FOREIGN KEY (platform) REFERENCES platform (code);

-- at most two valid at once, so a platform can move to a new one without a moment between
CREATE TABLE platform_credential (
    id            BIGSERIAL    PRIMARY KEY,
    platform_code VARCHAR(32)  NOT NULL REFERENCES platform (code),
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    -- the first characters, so the administrator can tell two credentials apart
    token_prefix  VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX platform_credential_valid ON platform_credential (platform_code) WHERE revoked_at IS NULL;

-- the people a platform holds, under the platform's own reference
CREATE TABLE platform_person (
    platform_code VARCHAR(32)  NOT NULL REFERENCES platform (code),
    reference     VARCHAR(100) NOT NULL,
    customer_id   BIGINT       NOT NULL REFERENCES customer (id),
    linked_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (platform_code, reference),
    UNIQUE (platform_code, customer_id)
);
CREATE INDEX platform_person_customer ON platform_person (customer_id);

-- an intake answered once per Idempotency-Key: a repeated call gets the first answer and changes nothing
CREATE TABLE platform_intake (
    platform_code   VARCHAR(32)  NOT NULL REFERENCES platform (code),
    idempotency_key VARCHAR(100) NOT NULL,
    request_sha256  VARCHAR(64)  NOT NULL,
    reference       VARCHAR(100) NOT NULL,
    created         BOOLEAN      NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (platform_code, idempotency_key)
);

-- what each platform is told; seq orders the change feed and, per person, the deliveries
CREATE TABLE platform_event (
    seq              BIGSERIAL    PRIMARY KEY,
    id               VARCHAR(40)  NOT NULL UNIQUE,
    platform_code    VARCHAR(32)  NOT NULL REFERENCES platform (code),
    customer_id      BIGINT,
    type             VARCHAR(80)  NOT NULL,
    body             TEXT         NOT NULL,
    needs_confirmation BOOLEAN    NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    given_up_at      TIMESTAMPTZ,
    last_error       VARCHAR(300),
    confirmed_at     TIMESTAMPTZ
);
-- the deliveries due; per person only the oldest one not yet delivered goes
CREATE INDEX platform_event_due ON platform_event (next_attempt_at)
    WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at IS NOT NULL;
CREATE INDEX platform_event_person ON platform_event (platform_code, customer_id, seq)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;

CREATE INDEX platform_event_of_customer ON platform_event (customer_id, seq);

-- A delivery claims its event for a while (lease) and posts it with no transaction open, so no row stays locked
-- while a platform is slow; a node that dies mid-post leaves the lease to run out and the other node sends it again.
ALTER TABLE platform_event ADD COLUMN leased_until TIMESTAMPTZ;
-- The change feed's cursor, given to committed events in order by the feed itself (PlatformFeed): an event that
-- commits after a later-numbered one is still read, with a higher cursor.
ALTER TABLE platform_event ADD COLUMN feed_seq BIGINT;
CREATE UNIQUE INDEX platform_event_feed_seq ON platform_event (platform_code, feed_seq) WHERE feed_seq IS NOT NULL;
CREATE INDEX platform_event_unnumbered ON platform_event (platform_code, seq) WHERE feed_seq IS NULL;
