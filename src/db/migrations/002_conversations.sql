-- What the Telegram bot keeps of a conversation: each answered question (so feedback and an escalation point
-- at the question, the answer and the corpus version they are about), feedback, and each person's chosen
-- interface language. Nothing is stored for people the bot refuses.

CREATE TABLE exchanges (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL,
  chat_id bigint NOT NULL,
  language text NOT NULL,
  question text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('answered', 'escalated', 'refused')),
  -- The answer as shown (the --json contract), with its citations.
  answer jsonb NOT NULL,
  corpus_version text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchanges_created_at ON exchanges (created_at);

CREATE TABLE feedback (
  id bigserial PRIMARY KEY,
  exchange_id bigint NOT NULL REFERENCES exchanges (id) ON DELETE CASCADE,
  user_id bigint NOT NULL,
  rating smallint NOT NULL CHECK (rating IN (-1, 1)),
  reason text,
  -- The message that asked for a reason: a reply to it is the reason.
  reason_prompt_chat_id bigint,
  reason_prompt_message_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One rating per person and answer; pressing again changes it.
  UNIQUE (exchange_id, user_id)
);
CREATE INDEX feedback_reason_prompt ON feedback (reason_prompt_chat_id, reason_prompt_message_id);

CREATE TABLE user_preferences (
  user_id bigint PRIMARY KEY,
  language text NOT NULL CHECK (language IN ('vi', 'en', 'uk')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
