import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export const frontMatterSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and hyphens' }),
  title: z.string().trim().min(1),
  language: z.enum(['vi', 'en', 'uk'], { message: 'expected one of vi, en, uk' }),
  status: z.enum(['digest', 'official'], { message: 'expected digest or official' }),
  /**
   * guidelines: the Central Party Office guidelines; related: another document (Letter 557); context: not
   * a rule at all (the training conference); gaps: what the public reports do not give, so a question
   * that lands there is escalated with that explanation instead of answered from a neighbouring passage.
   */
  kind: z
    .enum(['guidelines', 'related', 'context', 'gaps'], {
      message: 'expected one of guidelines, related, context, gaps',
    })
    .default('guidelines'),
  /** A translation of the document with the same id in another language; quotes show the original too. */
  translation: z.boolean({ message: 'expected true or false' }).default(false),
  version: z.union([z.string().trim().min(1), z.number()]).transform(String),
  issuer: z.string().trim().min(1).optional(),
  note: z.string().trim().min(1).optional(),
  sources: z.array(z.url({ message: 'expected a URL' })),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult =
  | { ok: true; meta: FrontMatter; body: string }
  | { ok: false; problem: string };

/** Splits `---` YAML front matter from a Markdown text and validates it. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (!match)
    return { ok: false, problem: 'missing front matter (a YAML block between --- lines at the top)' };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    return {
      ok: false,
      problem: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    };
  }
  const checked = checkMetadata(data);
  if (!checked.ok) return { ok: false, problem: `front matter: ${checked.problem}` };
  return { ok: true, meta: checked.meta, body: text.slice(match[0].length) };
}

/**
 * Validates document metadata, wherever it was written: the front matter of a Markdown file or the
 * sidecar YAML of a PDF or DOCX (sidecar.ts). Every problem is listed, each with its key.
 */
export function checkMetadata(
  data: unknown,
): { ok: true; meta: FrontMatter } | { ok: false; problem: string } {
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, meta: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`,
  );
  return { ok: false, problem: problems.join('; ') };
}
