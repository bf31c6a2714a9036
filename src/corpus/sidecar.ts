import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CorpusError } from '../errors.ts';
import { checkMetadata, type FrontMatter } from './front-matter.ts';

/** The sidecar that holds a PDF's or DOCX's metadata: `<id>.<language>.pdf` → `<id>.<language>.meta.yaml`. */
export const SIDECAR_SUFFIX = '.meta.yaml';

/**
 * An official file carries no front matter, so its metadata (the same keys, checked by the same schema)
 * sits in a YAML file beside it.
 */
export async function readSidecar(corpusDir: string, sidecarFile: string): Promise<FrontMatter> {
  let text: string;
  try {
    text = await readFile(join(corpusDir, sidecarFile), 'utf8');
  } catch (error) {
    throw new CorpusError(sidecarFile, `cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, '').normalize('NFC'));
  } catch (error) {
    throw new CorpusError(sidecarFile, `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const checked = checkMetadata(data);
  if (!checked.ok) throw new CorpusError(sidecarFile, checked.problem);
  return checked.meta;
}
