import { createHash } from 'node:crypto';
import type { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Language } from '../text/language.ts';
import { normalizeText } from '../text/normalize.ts';
import { searchWords } from '../text/terms.ts';
import type { Section } from './sections.ts';

export interface Chunk {
  /** Stable across re-indexes while the document's structure stays: document/language/section/ordinal. */
  chunkKey: string;
  documentId: string;
  language: string;
  sectionId: string;
  sectionPath: string;
  ordinal: number;
  content: string;
  /**
   * What the embedder and the full-text index see: headings, content and the section's example questions,
   * so a section title or a typical paraphrase helps find the passage. Only `content` is ever quoted.
   */
  embeddingInput: string;
  searchText: string;
  /**
   * The words the passage itself states (headings and text, without the example questions): what the
   * corpus counts as covered when it judges whether a question's topic is there at all.
   */
  statedText: string;
  /** Hash of the embedding input: equal hashes can share a stored embedding. */
  contentHash: string;
}

// Passages are quoted whole in answers, so they stay short enough to read on a phone.
const CHUNK_SIZE = 600;

let splitter: Promise<RecursiveCharacterTextSplitter> | undefined;
/**
 * Made when first needed: the splitter's module (with its tokenizer tables) is about 30 MB of memory, which
 * a bot that answers questions and never re-indexes does not need (`npm run bench`).
 */
function sectionSplitter(): Promise<RecursiveCharacterTextSplitter> {
  splitter ??= import('@langchain/textsplitters').then(
    ({ RecursiveCharacterTextSplitter }) =>
      new RecursiveCharacterTextSplitter({
        chunkSize: CHUNK_SIZE,
        chunkOverlap: 0,
        separators: ['\n\n', '\n', '. ', '; ', ', ', ' '],
        keepSeparator: false,
      }),
  );
  return splitter;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Splits each section on its own, so no chunk ever spans two sections. */
export async function chunkSections(
  documentId: string,
  language: Language,
  sections: Section[],
  questions: Map<string, string[]> = new Map(),
): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const pieces = await (await sectionSplitter()).splitText(section.text);
    pieces.forEach((piece, ordinal) => {
      const content = piece
        .split(/\n{2,}/)
        .map((paragraph) => normalizeText(paragraph))
        .join('\n\n');
      const examples = (questions.get(section.id) ?? []).join('\n');
      const embeddingInput = [section.headings, content, examples].filter(Boolean).join('\n');
      chunks.push({
        chunkKey: `${documentId}/${language}/${section.id}/${ordinal}`,
        documentId,
        language,
        sectionId: section.id,
        sectionPath: section.path,
        ordinal,
        content,
        embeddingInput,
        searchText: searchWords(embeddingInput, language).join(' '),
        statedText: searchWords([section.headings, content].filter(Boolean).join('\n'), language).join(' '),
        contentHash: hashText(embeddingInput),
      });
    });
  }
  return chunks;
}
