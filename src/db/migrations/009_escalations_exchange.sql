-- An exchange's escalation is looked up when its asker presses "Ask a coordinator" or sends /human, and the
-- retention job's deletion of old exchanges sets escalations.exchange_id to NULL. Without an index both read
-- every escalation ever raised (0.7 ms at 1,900 escalations, growing with them; `npm run bench`).
CREATE INDEX IF NOT EXISTS escalations_exchange ON escalations (exchange_id);
