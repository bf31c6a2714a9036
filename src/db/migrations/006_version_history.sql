-- What each re-index changed, kept with the version it built (shown by `npm run reindex -- --list`).
ALTER TABLE corpus_versions ADD COLUMN diff jsonb;
