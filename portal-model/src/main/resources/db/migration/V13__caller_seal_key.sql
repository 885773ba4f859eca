-- The key every node signs the browser's "signed in" cookie with (CallerSeal): shared through the database, so a
-- cookie sealed on one node is checked on the other. Written by the first node that needs it.
CREATE TABLE caller_seal_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    secret     VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
