-- Corpus versions, their documents and chunks.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE corpus_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label text NOT NULL UNIQUE,
  embedder text NOT NULL,
  dimensions integer NOT NULL CHECK (dimensions > 0),
  -- Hash of every chunk's key and content hash plus the embedder: equal fingerprints mean nothing changed.
  fingerprint text NOT NULL,
  chunk_count integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz
);
-- Exactly one active version: at most one by this index, at least one by activating in one transaction.
CREATE UNIQUE INDEX corpus_versions_one_active ON corpus_versions (is_active) WHERE is_active;

CREATE TABLE documents (
  version_id bigint NOT NULL REFERENCES corpus_versions (id) ON DELETE CASCADE,
  document_id text NOT NULL,
  language text NOT NULL,
  title text NOT NULL,
  status text NOT NULL,
  kind text NOT NULL,
  is_translation boolean NOT NULL,
  chunk_count integer NOT NULL,
  version_label text NOT NULL,
  issuer text,
  note text,
  sources text[] NOT NULL DEFAULT '{}',
  file_name text NOT NULL,
  PRIMARY KEY (version_id, document_id, language)
);

-- The embedding column has no fixed size so that versions built by different embedders can coexist
-- (rollback across an embedder change); each size gets its own HNSW index over `embedding::vector(N)`,
-- created by the index path when a version of that size is built.
CREATE TABLE chunks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id bigint NOT NULL REFERENCES corpus_versions (id) ON DELETE CASCADE,
  chunk_key text NOT NULL,
  document_id text NOT NULL,
  language text NOT NULL,
  -- The document's kind, repeated here so that both search legs can filter on it without a join.
  kind text NOT NULL,
  section_id text NOT NULL,
  section_path text NOT NULL,
  ordinal integer NOT NULL,
  content text NOT NULL,
  -- Folded (lower-case, diacritic-free) words of the section heading and content, for full-text search.
  search_text text NOT NULL,
  content_hash text NOT NULL,
  embedding vector NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  UNIQUE (version_id, chunk_key),
  FOREIGN KEY (version_id, document_id, language) REFERENCES documents (version_id, document_id, language)
    ON DELETE CASCADE
);
CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
CREATE INDEX chunks_section ON chunks (version_id, document_id, section_id, language);
CREATE INDEX chunks_content_hash ON chunks (content_hash);

-- Document frequency of every folded word and word pair per version and language: tells whether the
-- corpus mentions a question's terms at all. Scope 'gaps' counts the passages that list what the public
-- reports do not give, apart from 'answers' (every other passage), so that words found only there mark a
-- question about a missing detail.
CREATE TABLE corpus_terms (
  version_id bigint NOT NULL REFERENCES corpus_versions (id) ON DELETE CASCADE,
  language text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('answers', 'gaps')),
  term text NOT NULL,
  df integer NOT NULL,
  PRIMARY KEY (version_id, language, scope, term)
);
