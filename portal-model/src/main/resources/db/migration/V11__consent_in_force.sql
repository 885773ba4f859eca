-- Which consents count now (policy §7, §12), defined once: given, and not given before a policy version in force
-- that asks for the purpose again (until the customer answers, such a consent counts as not given). The consent
-- ledger (may we market to this customer, what waits for an answer), the notice audiences, the mail fan-out, the
-- letter and phone lists and the inbox all read this view, so they cannot disagree.
CREATE VIEW consent_in_force AS
SELECT k.customer_id, k.purpose_id, p.gates_marketing
FROM consent k
JOIN consent_purpose p ON p.id = k.purpose_id
WHERE k.given
  AND NOT EXISTS (SELECT 1 FROM policy_version v
                  JOIN policy_version_reconsent asked ON asked.version_number = v.number
                  JOIN consent_event last ON last.id = k.last_event_id
                  WHERE asked.purpose_id = k.purpose_id AND v.effective_from <= now() AND v.effective_from > last.occurred_at);
