import type { ChunksRepository, StoredChunk } from '../db/chunks.ts';
import type { VersionsRepository } from '../db/versions.ts';

export interface OriginalText {
  language: string;
  section: string;
  quote: string;
}

/**
 * Translated passages are shown beside the original they translate: the same document and section id in
 * the original's language (section ids align translations, chunk boundaries need not).
 */
export function createOriginalsLookup(versions: VersionsRepository, chunks: ChunksRepository) {
  const originalLanguages = new Map<number, Map<string, string>>();

  async function originalLanguageOf(versionId: number): Promise<Map<string, string>> {
    let languages = originalLanguages.get(versionId);
    if (!languages) {
      const documents = await versions.documents(versionId);
      languages = new Map(documents.filter((d) => !d.isTranslation).map((d) => [d.documentId, d.language]));
      originalLanguages.set(versionId, languages);
    }
    return languages;
  }

  return async function originalsOf(
    versionId: number,
    passages: StoredChunk[],
  ): Promise<Map<number, OriginalText>> {
    const translated = passages.filter((p) => p.isTranslation);
    const result = new Map<number, OriginalText>();
    if (translated.length === 0) return result;
    const languages = await originalLanguageOf(versionId);
    for (const language of new Set(translated.map((p) => languages.get(p.documentId)))) {
      if (language === undefined) continue;
      const wanted = translated.filter((p) => languages.get(p.documentId) === language);
      const texts = await chunks.sections(versionId, language, wanted);
      const bySection = new Map(texts.map((t) => [`${t.documentId}/${t.sectionId}`, t]));
      for (const passage of wanted) {
        const text = bySection.get(`${passage.documentId}/${passage.sectionId}`);
        if (text) result.set(passage.id, { language, section: text.sectionPath, quote: text.content });
      }
    }
    return result;
  };
}
