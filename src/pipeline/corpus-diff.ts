import type { SectionChange } from '../db/curated.ts';

export interface CorpusDiff {
  added: string[];
  changed: string[];
  removed: string[];
  /** A short word diff of each changed section's text (absent in diffs stored before it was recorded). */
  textDiffs?: Record<string, string>;
}

/** The section of a chunk key (document/language/section/ordinal). */
function sectionOf(chunkKey: string): string {
  return chunkKey.slice(0, chunkKey.lastIndexOf('/'));
}

function hashesBySection(hashes: Map<string, string>): Map<string, string> {
  const sections = new Map<string, string[]>();
  for (const [key, hash] of [...hashes].sort(([a], [b]) => a.localeCompare(b))) {
    const section = sectionOf(key);
    sections.set(section, [...(sections.get(section) ?? []), hash]);
  }
  return new Map([...sections].map(([section, list]) => [section, list.join(',')]));
}

/** Section-level comparison of two builds, from their chunk keys and content hashes. */
export function diffCorpus(before: Map<string, string>, after: Map<string, string>): CorpusDiff {
  const old = hashesBySection(before);
  const next = hashesBySection(after);
  const diff: CorpusDiff = { added: [], changed: [], removed: [] };
  for (const [section, hashes] of next) {
    const previous = old.get(section);
    if (previous === undefined) diff.added.push(section);
    else if (previous !== hashes) diff.changed.push(section);
  }
  for (const section of old.keys()) if (!next.has(section)) diff.removed.push(section);
  return diff;
}

/**
 * Sections that changed or disappeared, by `documentId/sectionId` (any language): a curated answer linked to
 * one was written against text that is no longer there. A section still present in some language counts as
 * changed.
 */
export function touchedSections(diff: CorpusDiff): Map<string, SectionChange> {
  const touched = new Map<string, SectionChange>();
  const withoutLanguage = (key: string) => {
    const [documentId, , ...section] = key.split('/');
    return `${documentId}/${section.join('/')}`;
  };
  for (const key of diff.removed) touched.set(withoutLanguage(key), 'removed');
  for (const key of diff.changed) touched.set(withoutLanguage(key), 'changed');
  return touched;
}
