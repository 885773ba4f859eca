-- Which template a mail was written from, so that mails anyone can trigger for an address they do not own
-- ("someone tried to register your address", password reset links) can be limited per account.
ALTER TABLE outbox_message ADD COLUMN template VARCHAR(40);
CREATE INDEX outbox_message_template ON outbox_message (credential_id, template, created_at);
