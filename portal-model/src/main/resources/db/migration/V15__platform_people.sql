-- A person a platform holds and the portal did not know gets a customer record and a link to claim the account
-- (choose a password after seeing the policy and the data already held).
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check CHECK (purpose IN
    ('CONFIRM_REGISTRATION', 'CONFIRM_EMAIL_CHANGE', 'RESET_PASSWORD', 'STAFF_SETUP', 'SECURE_ACCOUNT', 'CLAIM_ACCOUNT'));

-- consents given or withdrawn on a platform, under the policy version in force there
ALTER TABLE consent_event DROP CONSTRAINT consent_event_method_check;
ALTER TABLE consent_event ADD CONSTRAINT consent_event_method_check
    CHECK (method IN ('PORTAL', 'REGISTRATION', 'STAFF', 'RECONSENT', 'PLATFORM'));
