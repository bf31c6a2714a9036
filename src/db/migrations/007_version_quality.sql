-- The development question set's figures for each corpus version, measured after the re-index that built it
-- (or on the spot when a later re-index compares with it). `measured_with` identifies the question set, k,
-- the answer settings and the code that produced them: figures are reused only when all of those match.

CREATE TABLE version_quality (
  version_id bigint NOT NULL REFERENCES corpus_versions (id) ON DELETE CASCADE,
  measured_with text NOT NULL,
  figures jsonb NOT NULL,
  measured_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (version_id, measured_with)
);
