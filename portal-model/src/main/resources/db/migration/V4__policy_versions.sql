-- Issue 4: policy versions as data. Version 1 (the seed text) is written at start-up from the texts shipped in
-- portal-model; later versions are published by COMMUNICATIONS staff.

CREATE TABLE policy_version (
    number         INTEGER PRIMARY KEY CHECK (number > 0),
    effective_from TIMESTAMP WITH TIME ZONE NOT NULL,
    text_sv        TEXT         NOT NULL,
    text_en        TEXT         NOT NULL,
    summary_sv     VARCHAR(1000) NOT NULL,
    summary_en     VARCHAR(1000) NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(64)  NOT NULL
);
CREATE INDEX policy_version_effective ON policy_version (effective_from);

-- The consent purposes whose processing changed with a version: their consents must be given again.
CREATE TABLE policy_version_reconsent (
    version_number INTEGER NOT NULL REFERENCES policy_version (number),
    purpose_id     BIGINT  NOT NULL REFERENCES consent_purpose (id),
    PRIMARY KEY (version_number, purpose_id)
);
