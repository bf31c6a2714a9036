import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SOURCE_DIR = join(import.meta.dirname, '..');

export interface MeasurementSettings {
  /** The question set's whole text: a changed question is a different set. */
  questionSet: string;
  k: number;
  confidenceThreshold: number;
  maxQuestionChars: number;
}

let sourceHash: Promise<string> | undefined;

/**
 * Every source file of the assistant, hashed: figures measured by other code (a tuned threshold, a new
 * ranking rule) are not compared with this code's, or the comparison would credit the corpus with the
 * code's change. Reading the hundred-odd files takes milliseconds.
 */
function hashSources(): Promise<string> {
  sourceHash ??= (async () => {
    const files = (await readdir(SOURCE_DIR, { recursive: true }))
      .filter((file) => file.endsWith('.ts'))
      .sort();
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${file}\n`).update(await readFile(join(SOURCE_DIR, file)));
    return hash.digest('hex');
  })();
  return sourceHash;
}

/** What a version's stored figures were measured with; figures are reused only when it is the same. */
export async function measuredWith(settings: MeasurementSettings): Promise<string> {
  const hash = createHash('sha256')
    .update(settings.questionSet)
    .update(`\nk=${settings.k} threshold=${settings.confidenceThreshold} max=${settings.maxQuestionChars}\n`)
    .update(await hashSources());
  return hash.digest('hex');
}
