-- Answers the coordinating department published for reuse: a similar later question is answered from them,
-- cited as the department's answer. Each is linked to the corpus sections its escalation was about, so that a
-- re-index that changes those sections can flag it for review (a flagged answer is not shown).

CREATE TABLE curated_answers (
  id bigserial PRIMARY KEY,
  escalation_id bigint REFERENCES escalations (id) ON DELETE SET NULL,
  language text NOT NULL,
  question text NOT NULL,
  answer text NOT NULL,
  -- [{"documentId": …, "sectionId": …, "language": …}] of the passages the assistant had found.
  sections jsonb NOT NULL DEFAULT '[]',
  corpus_version text,
  published_by bigint NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  needs_review boolean NOT NULL DEFAULT false,
  -- The question's embedding, by the embedder that made it (vectors of two models are not comparable).
  embedder text NOT NULL,
  embedding vector NOT NULL,
  UNIQUE (escalation_id)
);
