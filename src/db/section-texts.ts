import type pg from 'pg';

/**
 * The stored text of whole sections of a version, by section key (document/language/section), its passages
 * joined in order: what a changed section said before, for the re-index report's text diff.
 */
export async function sectionTexts(
  pool: pg.Pool,
  versionId: number,
  sections: string[],
): Promise<Map<string, string>> {
  if (sections.length === 0) return new Map();
  const { rows } = await pool.query<{ key: string; content: string }>(
    `SELECT chunk_key AS key, content FROM chunks
     WHERE version_id = $1 AND document_id || '/' || language || '/' || section_id = ANY($2::text[])`,
    [versionId, sections],
  );
  return joinBySection(rows.map((r) => [r.key, r.content]));
}

/** Passages (chunk key → text) joined per section, in the order of their ordinals. */
export function joinBySection(passages: Array<[string, string]>): Map<string, string> {
  const ordinal = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1));
  const sections = new Map<string, string[]>();
  for (const [key, text] of [...passages].sort(([a], [b]) => ordinal(a) - ordinal(b))) {
    const section = key.slice(0, key.lastIndexOf('/'));
    sections.set(section, [...(sections.get(section) ?? []), text]);
  }
  return new Map([...sections].map(([section, texts]) => [section, texts.join('\n')]));
}
