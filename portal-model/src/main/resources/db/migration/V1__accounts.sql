-- Foundation: who can sign in, the customers and staff, logins (time only, never an IP address: policy 5.1)
-- and the audit trail. Sequences step by 50 to match the JPA allocation size.

CREATE SEQUENCE credential_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE customer_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE staff_member_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE login_record_seq INCREMENT BY 50 START WITH 50;
CREATE SEQUENCE audit_event_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE credential (
    id              BIGINT PRIMARY KEY,
    email           VARCHAR(254) NOT NULL UNIQUE,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(32)  NOT NULL CHECK (role IN ('CUSTOMER', 'SUPPORT', 'PRIVACY_OFFICER', 'COMMUNICATIONS')),
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE customer (
    id                       BIGINT PRIMARY KEY,
    credential_id            BIGINT       NOT NULL UNIQUE REFERENCES credential (id),
    given_name               VARCHAR(100) NOT NULL,
    family_name              VARCHAR(100) NOT NULL,
    personal_identity_number VARCHAR(12),
    birth_date               DATE,
    street                   VARCHAR(200),
    postcode                 VARCHAR(6),
    city                     VARCHAR(100),
    country                  VARCHAR(2),
    phone                    VARCHAR(16),
    occupation               VARCHAR(100),
    platform                 VARCHAR(32)  NOT NULL,
    collected_through        VARCHAR(32)  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE staff_member (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT       NOT NULL UNIQUE REFERENCES credential (id),
    display_name  VARCHAR(100) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE login_record (
    id            BIGINT PRIMARY KEY,
    credential_id BIGINT NOT NULL REFERENCES credential (id),
    logged_in_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_record_credential ON login_record (credential_id, logged_in_at);

CREATE TABLE audit_event (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    action      VARCHAR(64) NOT NULL,
    customer_id BIGINT,
    detail      VARCHAR(500)
);
CREATE INDEX audit_event_customer ON audit_event (customer_id, occurred_at);
