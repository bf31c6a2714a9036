import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { CorpusError } from '../errors.ts';
import { type Chunk, chunkSections } from './chunk.ts';
import { loadExampleQuestions } from './example-questions.ts';
import { type FrontMatter, parseFrontMatter } from './front-matter.ts';
import { splitSections } from './sections.ts';

export interface LoadedDocument {
  meta: FrontMatter;
  fileName: string;
  chunks: Chunk[];
}

const FILE_NAME = /^([a-z0-9][a-z0-9-]*)\.(vi|en|uk)\.md$/;

async function markdownFiles(corpusDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(corpusDir, { recursive: true });
  } catch (error) {
    throw new CorpusError(
      corpusDir,
      `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  return entries
    .filter((name) => name.endsWith('.md') && basename(name).toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(corpusDir, name));
}

async function loadDocument(path: string, corpusDir: string): Promise<LoadedDocument> {
  const fileName = relative(corpusDir, path);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').normalize('NFC');
  if (text.includes('\uFFFD')) throw new CorpusError(fileName, 'is not valid UTF-8 text');
  const parsed = parseFrontMatter(text);
  if (!parsed.ok) throw new CorpusError(fileName, parsed.problem);
  const { meta, body } = parsed;
  const named = FILE_NAME.exec(basename(path));
  if (!named || named[1] !== meta.id || named[2] !== meta.language) {
    throw new CorpusError(
      fileName,
      `the file name must be ${meta.id}.${meta.language}.md (<id>.<language>.md)`,
    );
  }
  const sections = splitSections(body, meta.title);
  if (sections.length === 0) throw new CorpusError(fileName, 'has no text after the front matter');
  const seen = new Map<string, string>();
  for (const section of sections) {
    const earlier = seen.get(section.id);
    if (earlier !== undefined) {
      throw new CorpusError(
        fileName,
        `two sections are numbered ${section.id}: "${earlier}" and "${section.path}"`,
      );
    }
    seen.set(section.id, section.path);
  }
  const questions = await loadExampleQuestions(
    corpusDir,
    fileName,
    meta.id,
    meta.language,
    new Set(seen.keys()),
  );
  return { meta, fileName, chunks: await chunkSections(meta.id, meta.language, sections, questions) };
}

/** Every translation needs its original, and may only hold sections the original has (aligned by id). */
function checkTranslations(documents: LoadedDocument[]): void {
  for (const translation of documents.filter((d) => d.meta.translation)) {
    const originals = documents.filter((d) => d.meta.id === translation.meta.id && !d.meta.translation);
    const original = originals[0];
    if (!original || originals.length > 1) {
      throw new CorpusError(
        translation.fileName,
        `is a translation, so exactly one document with id ${translation.meta.id} must be the original (translation: false); found ${originals.length}`,
      );
    }
    const sections = new Set(original.chunks.map((c) => c.sectionId));
    const unknown = [...new Set(translation.chunks.map((c) => c.sectionId))].filter(
      (id) => !sections.has(id),
    );
    if (unknown.length > 0) {
      throw new CorpusError(
        translation.fileName,
        `has sections that ${original.fileName} does not: ${unknown.join(', ')} (translations are aligned by section number)`,
      );
    }
  }
}

/** Reads and chunks every document of the corpus folder; any malformed file stops the whole load. */
export async function loadCorpus(corpusDir: string): Promise<LoadedDocument[]> {
  const files = await markdownFiles(corpusDir);
  if (files.length === 0) throw new CorpusError(corpusDir, 'holds no <id>.<language>.md documents');
  const documents: LoadedDocument[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const document = await loadDocument(file, corpusDir);
    const key = `${document.meta.id}.${document.meta.language}`;
    const owner = owners.get(key);
    if (owner)
      throw new CorpusError(document.fileName, `repeats document ${key} already defined in ${owner}`);
    owners.set(key, document.fileName);
    documents.push(document);
  }
  checkTranslations(documents);
  return documents;
}
