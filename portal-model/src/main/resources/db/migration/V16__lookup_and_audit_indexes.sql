-- Issue 29: support's look-up and the audit trail read index ranges, not the whole table.
-- A name prefix is a range of an index on the lowered name in byte order (collation "C", which LIKE 'ab%' can use),
-- whose rows come already in the order the look-up shows them, so the first twenty end the scan.
CREATE INDEX customer_family_name_prefix
    ON customer ((lower(family_name) COLLATE "C"), (lower(given_name) COLLATE "C"), id);
CREATE INDEX customer_given_name_prefix
    ON customer ((lower(given_name) COLLATE "C"), (lower(family_name) COLLATE "C"), id);
-- The audit trail newest first: whole, by action, and by staff member (the id after the role in "ROLE:id").
CREATE INDEX audit_event_newest ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_action_newest ON audit_event (action, occurred_at DESC, id DESC);
-- (with the actor itself, so counting a staff member's events reads the index alone and stops at the count's limit)
CREATE INDEX audit_event_staff_newest ON audit_event ((split_part(actor, ':', 2)), occurred_at DESC, id DESC)
    INCLUDE (actor);
CREATE INDEX audit_event_customer_newest ON audit_event (customer_id, occurred_at DESC, id DESC);
DROP INDEX audit_event_customer;
