import { z } from 'zod';
import { AppError } from '../errors.ts';
import { detectLanguage, type Language } from '../text/language.ts';

const CATEGORIES = ['answerable', 'out_of_scope', 'unknown_detail'] as const;

const lineSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().trim().min(1),
    answerable: z.boolean(),
    expect: z.array(z.string().min(1)).default([]),
    lang: z.enum(['vi', 'en', 'uk'], { message: 'expected one of vi, en, uk' }).optional(),
    category: z.enum(CATEGORIES, { message: `expected one of ${CATEGORIES.join(', ')}` }).optional(),
  })
  .refine((item) => !item.answerable || item.expect.length > 0, {
    message: 'an answerable question needs at least one "expect" string',
    path: ['expect'],
  });

export interface QaItem {
  id: string;
  question: string;
  answerable: boolean;
  expect: string[];
  lang: Language;
  category: string;
}

/** Parses a JSON-lines question set (format in DESIGN.md); every bad line is reported with its number. */
export function parseQaFile(text: string, fileName: string): QaItem[] {
  const items: QaItem[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${fileName}:${index + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      problems.push(`${where}: not a JSON object`);
      return;
    }
    const parsed = lineSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${where}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      return;
    }
    const item = parsed.data;
    if (ids.has(item.id)) problems.push(`${where}: id ${item.id} appears twice`);
    ids.add(item.id);
    items.push({
      id: item.id,
      question: item.question,
      answerable: item.answerable,
      expect: item.expect,
      lang: item.lang ?? detectLanguage(item.question),
      category: item.category ?? (item.answerable ? 'answerable' : 'unanswerable'),
    });
  });
  if (problems.length > 0) throw new AppError(problems.join('\n'));
  if (items.length === 0) throw new AppError(`${fileName}: holds no questions`);
  return items;
}
