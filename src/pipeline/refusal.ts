import type { Answer, Citation } from '../answer/answer.ts';
import { MESSAGES } from '../answer/messages.ts';
import type { ChunksRepository } from '../db/chunks.ts';
import type { VersionsRepository } from '../db/versions.ts';
import type { GuardCategory, GuardResult } from '../guard/guard.ts';
import type { Language } from '../text/language.ts';

/**
 * The rule of the guidelines that applies to each kind of blocked content: the section quoted back to the
 * person who pasted it (section ids are the same in every language of a document).
 */
const RULES: Record<GuardCategory, { documentId: string; sectionId: string }> = {
  state_secret: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.1' },
  personal_id: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2' },
  phone: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2' },
  email: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2' },
  tax_code: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2' },
  bank_account: { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2' },
  credential: { documentId: 'cpo-ai-guidelines', sectionId: 'V.2' },
  private_key: { documentId: 'cpo-ai-guidelines', sectionId: 'V.2' },
  pasted_document: { documentId: 'cpo-ai-guidelines', sectionId: 'V.1' },
};

const ORIGINAL_LANGUAGE = 'vi';

/** Builds the refusal of a blocked message: why, in the asker's language, and the rules it breaks, quoted. */
export function createRefusal(versions: VersionsRepository, chunks: ChunksRepository) {
  return async function refuse(guard: GuardResult, language: Language): Promise<Answer> {
    const m = MESSAGES[language];
    const names = guard.categories.map((c) => m.categoryNames[c] ?? c);
    const base: Answer = {
      kind: 'refused',
      language,
      answer: m.refusedLead(names.join(', ')),
      citations: [],
      reason: `blocked: ${guard.categories.join(', ')}`,
      guard: {
        categories: guard.categories,
        overridable: guard.overridable,
        redactedQuestion: guard.redacted,
      },
    };
    const version = await versions.active();
    if (!version) return base;
    const wanted = [
      ...new Map(
        guard.categories.map((c) => [`${RULES[c].documentId}/${RULES[c].sectionId}`, RULES[c]]),
      ).values(),
    ];
    const documents = new Map(
      (await versions.documents(version.id)).map((d) => [`${d.documentId}/${d.language}`, d]),
    );
    const inLanguage = await chunks.sections(version.id, language, wanted);
    const originals =
      language === ORIGINAL_LANGUAGE ? [] : await chunks.sections(version.id, ORIGINAL_LANGUAGE, wanted);
    const citations = inLanguage.map((section): Citation => {
      const document = documents.get(`${section.documentId}/${section.language}`);
      const original = originals.find(
        (o) => o.documentId === section.documentId && o.sectionId === section.sectionId,
      );
      return {
        documentId: section.documentId,
        section: section.sectionPath,
        sectionId: section.sectionId,
        version: document?.versionLabel ?? version.label,
        quote: section.content,
        score: 1,
        documentTitle: document?.title ?? section.documentId,
        documentKind: document?.kind ?? 'guidelines',
        language: section.language,
        translation: document?.isTranslation ?? false,
        ...(original
          ? {
              original: {
                language: original.language,
                section: original.sectionPath,
                quote: original.content,
              },
            }
          : {}),
        sourceUrl: document?.sources[0],
      };
    });
    return { ...base, citations, corpusVersion: version.label };
  };
}

export type Refuse = ReturnType<typeof createRefusal>;
