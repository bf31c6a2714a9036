import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { renderQuality } from '../../src/cli/render-quality.ts';
import type { CorpusVersion } from '../../src/db/versions.ts';
import type { QualityOutcome, QualityReport } from '../../src/pipeline/quality-check.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus, editFile } from '../helpers/corpus.ts';

/** Section IV, "what must absolutely not be done", which many development questions are about. */
async function removeSectionIV(corpus: string): Promise<void> {
  for (const language of ['vi', 'en', 'uk']) {
    await editFile(corpus, `cpo-ai-guidelines.${language}.md`, (text) =>
      text.replace(/\n## IV\.[\s\S]*?(?=\n## V\.)/, ''),
    );
    // Its example questions name the removed sections, which the loader rightly refuses.
    await editFile(corpus, join('questions', `cpo-ai-guidelines.${language}.yaml`), (text) =>
      text.replace(/^"IV\.\d+":\n(?: {2}- .*\n)+/gm, ''),
    );
  }
}

function checked(outcome: QualityOutcome): QualityReport {
  if (outcome.status !== 'checked') throw new Error(`quality check ${outcome.status}: ${outcome.reason}`);
  return outcome;
}

/** The quality check after a re-index, on the development questions (the default set, the tuning half). */
describe.each(BACKENDS)('quality check after a re-index [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let corpus: string;
  const check = async (corpusDir: string) => {
    const report = await app.reindex(corpusDir);
    return { report, quality: checked(await app.checkQuality(report.version, report.previous)) };
  };

  const twoVersions = async () => {
    const [v1, v2] = await app.versions.list();
    return { v1: v1 as CorpusVersion, v2: v2 as CorpusVersion };
  };

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    app = await openApp(db.config);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
  });

  it('measures a first version and says there is nothing to compare with', async () => {
    const { quality } = await check(corpus);
    expect(quality.current).toMatchObject({ label: 'v1', source: 'measured' });
    expect(quality.current.figures.questions).toBe(120);
    expect(quality.current.figures.recallAtK).toBeGreaterThan(0.9);
    expect(quality.previous).toBeUndefined();
    expect(quality.noComparison).toBe('this is the first version');
  });

  it('reports no change for an unchanged re-index, from the figures stored with the version', async () => {
    const { report, quality } = await check(corpus);
    expect(report.changed).toBe(false);
    expect(quality.current).toMatchObject({ label: 'v1', source: 'stored' });
    expect(quality.changes).toHaveLength(5);
    expect(quality.changes.every((c) => c.delta === 0 && !c.dropped)).toBe(true);
    expect(quality.dropped).toBe(false);
    expect(renderQuality(quality, '/rollback')).toMatch(/no new version, no change; v1: recall@5 0\.\d+/);
  });

  it('warns loudly, with the drop in figures, when a section many questions rely on is removed', async () => {
    await removeSectionIV(corpus);
    const { report, quality } = await check(corpus);
    expect(report.diff.removed).toContain('cpo-ai-guidelines/vi/IV.1');
    expect([quality.current.label, quality.previous?.label]).toEqual(['v2', 'v1']);
    expect(quality.previous?.source).toBe('stored');
    expect(quality.dropped).toBe(true);
    const recall = quality.changes.find((c) => c.name === 'recallAtK');
    expect(recall?.dropped).toBe(true);
    expect(recall?.delta).toBeLessThan(-0.02);
    const text = renderQuality(quality, '`npm run reindex -- --rollback`');
    expect(text).toMatch(
      /^Quality check \(120 questions of .*qa\.tuning\.jsonl, \d+\.\d s\): v2 against v1$/m,
    );
    expect(text).toMatch(/^!!! WARNING: QUALITY DROPPED\. v2 does worse than v1 .*\(tolerance 0\.02\):$/m);
    expect(text).toContain(`!!!   recall@5 ${recall?.before} → ${recall?.after} (−${-(recall?.delta ?? 0)})`);
    expect(text).toMatch(/--rollback` re-activates v1\.$/);
  });

  it('measures the previous version on the spot when its figures are missing, with the same result', async () => {
    const { pool } = app.database;
    const { v1, v2 } = await twoVersions();
    const before = checked(await app.checkQuality(v2, v1));
    await pool.query('DELETE FROM version_quality');
    const again = checked(await app.checkQuality(v2, v1));
    expect([again.current.source, again.previous?.source]).toEqual(['measured', 'measured']);
    expect(again.changes).toEqual(before.changes);
    const stored = await pool.query('SELECT count(*)::int AS n FROM version_quality');
    expect(stored.rows[0]?.n).toBe(2);
  });

  it('is skipped, saying why, when the question set does not exist; a bad one fails with the line named', async () => {
    const { v1, v2 } = await twoVersions();
    const missing = await app.checkQuality(v2, v1, { questionSet: join(corpus, 'none.jsonl') });
    expect(missing).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/none\.jsonl: no such file/),
    });
    const bad = join(corpus, 'README.md');
    expect(await app.checkQuality(v2, v1, { questionSet: bad })).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/README\.md:1: not a JSON object/),
    });
  });
});
