import type { ChunksRepository, SectionText, StoredChunk } from '../db/chunks.ts';
import type { VersionSummary, VersionsRepository } from '../db/versions.ts';
import { createVersionCache } from './version-cache.ts';

export interface OriginalText {
  language: string;
  section: string;
  quote: string;
}

/** Original sections kept between questions: all of the guidelines' (a few hundred), a large corpus's latest. */
const SECTIONS_KEPT = 2_000;
const SEPARATOR = '\u0000';
const sectionKey = (language: string, documentId: string, sectionId: string) =>
  [language, documentId, sectionId].join(SEPARATOR);

/**
 * Translated passages are shown beside the original they translate: the same document and section id in
 * the original's language (section ids align translations, chunk boundaries need not). A version's sections
 * never change, so each is read once (English and Ukrainian questions mostly quote the same few).
 */
export function createOriginalsLookup(versions: VersionsRepository, chunks: ChunksRepository) {
  const originalLanguages = new Map<number, Promise<Map<string, string>>>();

  function originalLanguageOf(versionId: number): Promise<Map<string, string>> {
    let languages = originalLanguages.get(versionId);
    if (!languages) {
      languages = versions
        .documents(versionId)
        .then(
          (documents) =>
            new Map(documents.filter((d) => !d.isTranslation).map((d) => [d.documentId, d.language])),
        );
      originalLanguages.set(versionId, languages);
      languages.catch(() => originalLanguages.delete(versionId));
    }
    return languages;
  }

  const sectionsOf = createVersionCache<string, SectionText>({
    capacity: SECTIONS_KEPT,
    load: async (versionId, keys) => {
      const wanted = keys.map((key) => {
        const [language, documentId, sectionId] = key.split(SEPARATOR) as [string, string, string];
        return { language, documentId, sectionId };
      });
      const found = new Map<string, SectionText>();
      for (const language of new Set(wanted.map((w) => w.language))) {
        const texts = await chunks.sections(
          versionId,
          language,
          wanted.filter((w) => w.language === language),
        );
        for (const t of texts) found.set(sectionKey(language, t.documentId, t.sectionId), t);
      }
      return found;
    },
  });

  return async function originalsOf(
    version: Pick<VersionSummary, 'id' | 'createdAt'>,
    passages: StoredChunk[],
  ): Promise<Map<number, OriginalText>> {
    const translated = passages.filter((p) => p.isTranslation);
    const result = new Map<number, OriginalText>();
    if (translated.length === 0) return result;
    const languages = await originalLanguageOf(version.id);
    const keyOf = (p: StoredChunk) => {
      const language = languages.get(p.documentId);
      return language === undefined ? undefined : sectionKey(language, p.documentId, p.sectionId);
    };
    const keys = translated.flatMap((p) => keyOf(p) ?? []);
    const sections = await sectionsOf(version, keys);
    for (const passage of translated) {
      const key = keyOf(passage);
      const text = key === undefined ? undefined : sections.get(key);
      if (text)
        result.set(passage.id, { language: text.language, section: text.sectionPath, quote: text.content });
    }
    return result;
  };
}
