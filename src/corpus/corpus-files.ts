import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { CorpusError } from '../errors.ts';
import { SIDECAR_SUFFIX } from './sidecar.ts';

export type CorpusFile =
  | { format: 'markdown'; file: string }
  | { format: 'pdf' | 'docx'; file: string; sidecar: string };

const OFFICIAL_FORMATS = { '.pdf': 'pdf', '.docx': 'docx' } as const;

/** Everything the corpus folder holds, relative to it; hidden files and folders (.git, .DS_Store) skipped. */
async function listFiles(corpusDir: string): Promise<string[]> {
  try {
    const entries = await readdir(corpusDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(corpusDir, join(entry.parentPath, entry.name)))
      .filter((file) => !file.split(/[/\\]/).some((part) => part.startsWith('.')))
      .sort();
  } catch (error) {
    throw new CorpusError(
      corpusDir,
      `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code})`,
    );
  }
}

function refuseStray(file: string): never {
  const extension = extname(file).toLowerCase();
  if (basename(file).startsWith('~$')) {
    throw new CorpusError(
      file,
      'is a lock file Word leaves while a document is open: close the document or delete it',
    );
  }
  if (extension === '.yaml' || extension === '.yml') {
    throw new CorpusError(
      file,
      `is neither a sidecar (<id>.<language>${SIDECAR_SUFFIX} beside its PDF or DOCX) nor example questions (questions/<id>.<language>.yaml)`,
    );
  }
  throw new CorpusError(
    file,
    `unsupported format (${extension || 'no extension'}), convert it to DOCX or PDF (a corpus document is <id>.<language>.md, .docx or .pdf)`,
  );
}

/**
 * The documents of the corpus folder: Markdown files, and PDF or DOCX files each paired with its sidecar.
 * READMEs and example questions are allowed beside them; anything else stops the load by name, since a
 * guideline dropped in as .doc, .odt or .txt would otherwise silently be left out.
 */
export async function corpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  const files = await listFiles(corpusDir);
  const present = new Set(files);
  const documents: CorpusFile[] = [];
  const sidecarOwners = new Map<string, string>();
  for (const file of files) {
    const name = basename(file);
    const extension = extname(name).toLowerCase();
    if (name.toLowerCase() === 'readme.md') continue;
    if (dirname(file) === 'questions' && extension === '.yaml') continue;
    if (name.endsWith(SIDECAR_SUFFIX)) continue; // checked against its document below
    if (extension === '.md' && !name.startsWith('~$')) {
      documents.push({ format: 'markdown', file });
      continue;
    }
    const format = OFFICIAL_FORMATS[extension as keyof typeof OFFICIAL_FORMATS];
    if (!format || name.startsWith('~$')) refuseStray(file);
    const sidecar = file.slice(0, -extension.length) + SIDECAR_SUFFIX;
    if (!present.has(sidecar)) {
      throw new CorpusError(
        file,
        `has no sidecar: write its metadata (id, title, language, status, version, sources) in ${basename(sidecar)} beside it`,
      );
    }
    const owner = sidecarOwners.get(sidecar);
    if (owner) throw new CorpusError(file, `and ${owner} are two editions of one document: keep one`);
    sidecarOwners.set(sidecar, file);
    documents.push({ format, file, sidecar });
  }
  for (const file of files.filter((f) => f.endsWith(SIDECAR_SUFFIX) && !sidecarOwners.has(f))) {
    const stem = basename(file).slice(0, -SIDECAR_SUFFIX.length);
    throw new CorpusError(
      file,
      `is a sidecar without its document: ${stem}.pdf or ${stem}.docx must be beside it`,
    );
  }
  return documents;
}
