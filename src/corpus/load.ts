import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CorpusError } from '../errors.ts';
import { type Chunk, chunkSections } from './chunk.ts';
import { type CorpusFile, corpusFiles } from './corpus-files.ts';
import { loadExampleQuestions } from './example-questions.ts';
import { extractDocxText } from './formats/docx.ts';
import { looksLikeLegacyEncoding } from './formats/legacy-encoding.ts';
import { recogniseSections } from './formats/official-structure.ts';
import { extractPdfText } from './formats/pdf.ts';
import { type FrontMatter, parseFrontMatter } from './front-matter.ts';
import { type Section, splitSections } from './sections.ts';
import { readSidecar } from './sidecar.ts';

export interface LoadedDocument {
  meta: FrontMatter;
  fileName: string;
  chunks: Chunk[];
}

const FILE_NAME = /^([a-z0-9][a-z0-9-]*)\.(vi|en|uk)\.(md|pdf|docx)$/;

/** Metadata and sections of one document, whatever its format. */
interface Source {
  meta: FrontMatter;
  sections: Section[];
}

function checkFileName(file: string, meta: FrontMatter, extension: string, where: string): void {
  const named = FILE_NAME.exec(basename(file));
  if (!named || named[1] !== meta.id || named[2] !== meta.language || named[3] !== extension) {
    throw new CorpusError(
      file,
      `the file name must be ${meta.id}.${meta.language}.${extension} (<id>.<language>.${extension}, as ${where} says)`,
    );
  }
}

async function readMarkdown(corpusDir: string, fileName: string): Promise<Source> {
  const text = (await readFile(join(corpusDir, fileName), 'utf8')).replace(/^\uFEFF/, '').normalize('NFC');
  if (text.includes('\uFFFD')) throw new CorpusError(fileName, 'is not valid UTF-8 text');
  const parsed = parseFrontMatter(text);
  if (!parsed.ok) throw new CorpusError(fileName, parsed.problem);
  checkFileName(fileName, parsed.meta, 'md', 'its front matter');
  const sections = splitSections(parsed.body, parsed.meta.title);
  if (sections.length === 0) throw new CorpusError(fileName, 'has no text after the front matter');
  return { meta: parsed.meta, sections };
}

/** A PDF or DOCX edition: metadata from its sidecar, sections recognised in its text. */
async function readOfficial(
  corpusDir: string,
  file: CorpusFile & { format: 'pdf' | 'docx' },
): Promise<Source> {
  const meta = await readSidecar(corpusDir, file.sidecar);
  checkFileName(file.file, meta, file.format, `its sidecar ${basename(file.sidecar)}`);
  const bytes = await readFile(join(corpusDir, file.file));
  const text =
    file.format === 'pdf' ? await extractPdfText(bytes, file.file) : await extractDocxText(bytes, file.file);
  if (meta.language === 'vi' && looksLikeLegacyEncoding(text)) {
    throw new CorpusError(
      file.file,
      'has almost no Vietnamese letters: its text is probably in a legacy font encoding (TCVN3/ABC or VNI); convert it to Unicode and save it again',
    );
  }
  const sections = recogniseSections(text, meta.title);
  if (!sections.some((section) => section.id !== '0')) {
    throw new CorpusError(
      file.file,
      'has no recognisable headings (Phần, Chương, Mục, Điều N., or I. / 1. parts with titles), so nothing could be cited by section',
    );
  }
  return { meta, sections };
}

async function loadDocument(corpusDir: string, file: CorpusFile): Promise<LoadedDocument> {
  const fileName = file.file;
  const { meta, sections } =
    file.format === 'markdown'
      ? await readMarkdown(corpusDir, fileName)
      : await readOfficial(corpusDir, file);
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
  const files = await corpusFiles(corpusDir);
  if (files.length === 0) {
    throw new CorpusError(
      corpusDir,
      'holds no documents (<id>.<language>.md, or .pdf / .docx with a sidecar)',
    );
  }
  const documents: LoadedDocument[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const document = await loadDocument(corpusDir, file);
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
