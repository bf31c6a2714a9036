-- Questions handed to the coordinating department, and the messages that carry them. An escalation is stored
-- before anyone is told about it; every message about it goes through the outbox, so a Telegram outage or a
-- crash delays a message but never loses it.

CREATE TABLE escalations (
  id bigserial PRIMARY KEY,
  exchange_id bigint REFERENCES exchanges (id) ON DELETE SET NULL,
  asker_user_id bigint NOT NULL,
  asker_chat_id bigint NOT NULL,
  language text NOT NULL,
  question text NOT NULL,
  -- low_confidence | not_in_public_reports | not_covered | unverified | asked (button or /human)
  trigger text NOT NULL,
  -- The passages the assistant found (citations of the --json contract), for the coordinator.
  found jsonb NOT NULL DEFAULT '[]',
  corpus_version text,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'claimed', 'answered', 'closed', 'declined')),
  claimed_by bigint,
  claimed_by_name text,
  claimed_at timestamptz,
  answered_by bigint,
  answered_at timestamptz,
  answer text,
  decline_reason text,
  card_chat_id bigint,
  card_message_id bigint,
  card_thread_id bigint,
  last_reminded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX escalations_open ON escalations (created_at) WHERE state IN ('open', 'claimed');
CREATE INDEX escalations_card ON escalations (card_chat_id, card_message_id);

-- The conversation of an escalation after it was raised: coordinators' answers and the asker's follow-ups.
CREATE TABLE escalation_messages (
  id bigserial PRIMARY KEY,
  escalation_id bigint NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
  author text NOT NULL CHECK (author IN ('asker', 'coordinator')),
  user_id bigint NOT NULL,
  text text NOT NULL,
  -- Where the message was sent, so that a reply to it threads to the same escalation.
  delivered_chat_id bigint,
  delivered_message_id bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  escalation_id bigint REFERENCES escalations (id) ON DELETE CASCADE,
  -- card | ack | answer | declined | followup | reminder
  purpose text NOT NULL,
  chat_id bigint NOT NULL,
  -- sendMessage parameters besides chat_id: text, parse_mode, reply_markup, message_thread_id…
  payload jsonb NOT NULL,
  -- When set, the delivered message id is written to this escalation_messages row.
  escalation_message_id bigint REFERENCES escalation_messages (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  telegram_message_id bigint,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
