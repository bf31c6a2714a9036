-- Who did what: escalations raised, claimed, answered, declined, closed and published, re-indexes and
-- rollbacks, access refusals. Append-only: the database itself refuses to change or delete a record (the
-- retention job never touches this table; an audit record holds ids and actions, never message text).

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  -- A Telegram user id, or null for the command line and the assistant itself.
  actor bigint,
  action text NOT NULL,
  -- What it was done to: "escalation:12", "version:v3", "user:123".
  subject text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
