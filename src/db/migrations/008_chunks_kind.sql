-- The list of what the public reports lack is searched apart from the answering passages: a few dozen rows
-- among a version's passages. Without this index, a question of common words made PostgreSQL read every
-- passage holding them to find those few (80 ms at 100,000 passages; `npm run bench`); with it, 0.3 ms.
CREATE INDEX IF NOT EXISTS chunks_version_kind ON chunks (version_id, kind);
