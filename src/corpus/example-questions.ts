import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CorpusError } from '../errors.ts';

const fileSchema = z.record(z.string(), z.array(z.string().trim().min(1)), {
  message: 'expected a mapping from section ids to lists of questions',
});

/**
 * Example questions for a document's sections, from `questions/<id>.<language>.yaml` beside the documents:
 * indexed with each section's passages so that a paraphrased question finds them, never quoted. A missing
 * file means none; a malformed one, or one naming a section the document lacks, stops the load.
 */
export async function loadExampleQuestions(
  corpusDir: string,
  documentFile: string,
  id: string,
  language: string,
  sectionIds: Set<string>,
): Promise<Map<string, string[]>> {
  const fileName = join('questions', `${id}.${language}.yaml`);
  let text: string;
  try {
    text = await readFile(join(corpusDir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new CorpusError(fileName, `cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  let data: unknown;
  try {
    data = parseYaml(text.normalize('NFC'));
  } catch (error) {
    throw new CorpusError(fileName, `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = fileSchema.safeParse(data ?? {});
  if (!parsed.success) throw new CorpusError(fileName, parsed.error.issues[0]?.message ?? 'is malformed');
  const unknown = Object.keys(parsed.data).filter((section) => !sectionIds.has(section));
  if (unknown.length > 0) {
    throw new CorpusError(
      fileName,
      `names sections that ${documentFile} does not have: ${unknown.join(', ')}`,
    );
  }
  return new Map(Object.entries(parsed.data));
}
