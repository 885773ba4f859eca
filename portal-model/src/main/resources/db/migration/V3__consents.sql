-- Issue 4: consent purposes as data (a new purpose needs no release), the append-only consent events, and the
-- current state kept beside them in the same transaction.

CREATE SEQUENCE consent_purpose_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE consent_purpose (
    id             BIGINT PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL UNIQUE,
    name_sv        VARCHAR(120) NOT NULL,
    name_en        VARCHAR(120) NOT NULL,
    description_sv VARCHAR(600) NOT NULL,
    description_en VARCHAR(600) NOT NULL,
    legal_basis_sv VARCHAR(200) NOT NULL,
    legal_basis_en VARCHAR(200) NOT NULL,
    data_used_sv   VARCHAR(300) NOT NULL,
    data_used_en   VARCHAR(300) NOT NULL,
    gates_marketing BOOLEAN     NOT NULL DEFAULT FALSE,
    display_order  INTEGER      NOT NULL
);

INSERT INTO consent_purpose VALUES
 (1, 'MARKETING_LISTS', 'Marknadsföringslistor och nyhetsbrev', 'Marketing lists and newsletters',
  'Vi skickar nyhetsbrev och marknadsföring på de kanaler du valt i dina kontaktinställningar.',
  'We send newsletters and marketing on the channels you chose in your contact preferences.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'Namn, e-postadress, postadress, telefonnummer, intressen', 'Name, e-mail address, postal address, phone number, interests',
  TRUE, 1),
 (2, 'CAMPAIGNS_OFFERS', 'Kampanjer och erbjudanden', 'Campaigns and offers',
  'Vi berättar om kampanjer och erbjudanden som passar dina intressen.',
  'We tell you about campaigns and offers that suit your interests.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'Namn, e-postadress, intressen', 'Name, e-mail address, interests', TRUE, 2),
 (3, 'COMPETITIONS', 'Tävlingar', 'Competitions',
  'Vi behandlar dina uppgifter när du deltar i våra tävlingar och för att kontakta vinnare.',
  'We process your data when you take part in our competitions and to contact winners.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'Namn, e-postadress, telefonnummer', 'Name, e-mail address, phone number', FALSE, 3),
 (4, 'SURVEYS_FEEDBACK', 'Undersökningar och återkoppling', 'Surveys and feedback',
  'Vi ber dig om synpunkter och använder dina svar för att förbättra våra tjänster.',
  'We ask for your views and use your answers to improve our services.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'E-postadress, svar och åsikter', 'E-mail address, answers and opinions', FALSE, 4),
 (5, 'EVENTS', 'Evenemang', 'Events',
  'Vi bjuder in dig till evenemang och hanterar din anmälan.',
  'We invite you to events and handle your registration.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'Namn, e-postadress, telefonnummer', 'Name, e-mail address, phone number', FALSE, 5),
 (6, 'CAMPAIGN_IMAGES', 'Bilder i kampanjer', 'Images in campaigns',
  'Vi får använda bilder där du syns i våra reklamkampanjer.',
  'We may use pictures in which you appear in our advertising campaigns.',
  'Samtycke (integritetspolicyn 5.4)', 'Consent (privacy policy 5.4)',
  'Bilder, namn', 'Images, name', FALSE, 6);

CREATE SEQUENCE consent_event_seq INCREMENT BY 50 START WITH 50;
-- Append-only: never updated, never deleted while the customer exists.
CREATE TABLE consent_event (
    id             BIGINT PRIMARY KEY,
    receipt_id     UUID        NOT NULL UNIQUE,
    customer_id    BIGINT      NOT NULL REFERENCES customer (id),
    purpose_id     BIGINT      NOT NULL REFERENCES consent_purpose (id),
    given          BOOLEAN     NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    policy_version INTEGER     NOT NULL,
    method         VARCHAR(16) NOT NULL CHECK (method IN ('PORTAL', 'REGISTRATION', 'STAFF', 'RECONSENT')),
    staff_actor    VARCHAR(64)
);
CREATE INDEX consent_event_customer ON consent_event (customer_id, occurred_at);

CREATE SEQUENCE consent_seq INCREMENT BY 50 START WITH 50;
-- The current state, kept beside the events in the same transaction; the row is locked while it changes.
CREATE TABLE consent (
    id             BIGINT PRIMARY KEY,
    customer_id    BIGINT  NOT NULL REFERENCES customer (id),
    purpose_id     BIGINT  NOT NULL REFERENCES consent_purpose (id),
    given          BOOLEAN NOT NULL,
    last_event_id  BIGINT  REFERENCES consent_event (id),
    version        BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (customer_id, purpose_id)
);
