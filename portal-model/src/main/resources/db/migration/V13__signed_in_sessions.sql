-- Which account each signed-in session (by a hash of its id) was signed in to, and under which session generation.
-- Payara can hand a node a replicated copy of a session without one of its attributes; the node then signs the
-- session in again from here (SignedInSessions), never from anything the browser says. Kept a day.
CREATE TABLE signed_in_session (
    session_hash  VARCHAR(64) PRIMARY KEY,
    credential_id BIGINT      NOT NULL REFERENCES credential (id),
    generation    INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX signed_in_session_credential ON signed_in_session (credential_id);
CREATE INDEX signed_in_session_created ON signed_in_session (created_at);
