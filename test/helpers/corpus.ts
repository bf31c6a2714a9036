import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from './backends.ts';

export const GUIDELINES_FILE = 'cpo-ai-guidelines.vi.md';

/** A writable copy of the real corpus, for tests that edit documents between re-indexes. */
export async function copyCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assistant-corpus-'));
  await cp(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

export async function editFile(dir: string, file: string, edit: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
}
