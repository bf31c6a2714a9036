import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTextGenerator, type TextGenerator } from './synthetic-text.ts';

/** Sections per generated document: 20 chapters of 25 articles, like a long decree. */
const ARTICLES_PER_CHAPTER = 25;
const SECTIONS_PER_DOCUMENT = 500;

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** A long decree: chapters of articles, each article one paragraph (one passage). */
function documentText(id: string, label: string, articles: number, text: TextGenerator): string {
  const title = `Quy định ${text.title().toLowerCase()}`;
  const lines = ['---', `id: ${id}`, `title: ${JSON.stringify(title)}`, 'language: vi', 'status: official'];
  lines.push(
    'kind: related',
    `version: "${label}"`,
    'sources:',
    `  - https://bench.invalid/${id}`,
    '---',
    '',
  );
  lines.push(`# ${title}`, '');
  for (let article = 1; article <= articles; article += 1) {
    if ((article - 1) % ARTICLES_PER_CHAPTER === 0) {
      const chapter = roman(Math.floor((article - 1) / ARTICLES_PER_CHAPTER) + 1);
      lines.push(`## Chương ${chapter}. ${text.title()}`, '');
    }
    lines.push(`### Điều ${article}. ${text.title()}`, '', text.paragraph(), '');
  }
  return lines.join('\n');
}

/** The Vietnamese documents of a corpus folder, without front matter: what the generated text imitates. */
export async function vietnameseSource(corpusDir: string): Promise<string[]> {
  const files = (await readdir(corpusDir)).filter((name) => name.endsWith('.vi.md')).sort();
  const texts = await Promise.all(files.map((name) => readFile(join(corpusDir, name), 'utf8')));
  return texts.map((text) => text.replace(/^---[\s\S]*?\n---\n/, '').replace(/^#+\s.*$/gm, ''));
}

const GENERATED_PREFIX = 'quy-dinh-';

/** The id of the first generated document: its edition label tells which corpus a database holds. */
export const FIRST_GENERATED_ID = `${GENERATED_PREFIX}0001`;

/** Whether a document is one of the generated ones (not of the real corpus). */
export const isGeneratedDocument = (documentId: string) => documentId.startsWith(GENERATED_PREFIX);

/**
 * Writes the real corpus plus generated documents (kind `related`: other regulations) with `generated`
 * passages in all, one per article, into `dir` (emptied first). Every generated document carries `label`
 * as its edition.
 */
export async function writeSyntheticCorpus(
  dir: string,
  realCorpusDir: string,
  generated: number,
  label: string,
  seed = 1,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await cp(realCorpusDir, dir, { recursive: true });
  const generator = createTextGenerator(await vietnameseSource(realCorpusDir), seed);
  for (let start = 0, n = 1; start < generated; start += SECTIONS_PER_DOCUMENT, n += 1) {
    const id = `${GENERATED_PREFIX}${String(n).padStart(4, '0')}`;
    const articles = Math.min(SECTIONS_PER_DOCUMENT, generated - start);
    await writeFile(join(dir, `${id}.vi.md`), documentText(id, label, articles, generator.document()));
  }
}
