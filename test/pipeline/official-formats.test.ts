import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { CorpusError } from '../../src/errors.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';
import { copyCorpus } from '../helpers/corpus.ts';
import { countingEmbedder } from '../helpers/embedders.ts';
import { PILOT_ID, pilotBlocks, pilotDocx, pilotPdf, pilotSidecar } from '../helpers/official-fixtures.ts';
import { buildPdf } from '../helpers/pdf-writer.ts';

const BASE = `${PILOT_ID}.vi`;
const QUESTION = 'Nhật ký sử dụng trợ lý AI được lưu giữ trong bao lâu?';
const ARTICLE_4 = 'Chương II. SỬ DỤNG TRỢ LÝ TRÍ TUỆ NHÂN TẠO › Điều 4. Lưu giữ nhật ký sử dụng';
const PILOT_SECTIONS = ['I.1', 'I.2', 'II.3', 'II.4', 's7', '0'].map((id) => `${PILOT_ID}/vi/${id}`);

describe.each(BACKENDS)('official PDF and DOCX editions through re-indexing [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let corpus: string;
  const embedder = countingEmbedder();

  beforeAll(async () => {
    db = await backend.create();
    corpus = await copyCorpus();
    app = await openApp(db.config, { embedder });
    await app.reindex(corpus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(corpus, { recursive: true, force: true });
  });

  it('indexes a DOCX edition and answers from it with its Chương › Điều section as the citation', async () => {
    await writeFile(join(corpus, `${BASE}.docx`), pilotDocx());
    await writeFile(join(corpus, `${BASE}.meta.yaml`), pilotSidecar({ version: '"pilot-docx"' }));
    const report = await app.reindex(corpus);
    expect(report.version.label).toBe('v2');
    expect(report.diff).toEqual({ added: [...PILOT_SECTIONS].sort(), changed: [], removed: [] });

    const answer = await app.ask(QUESTION);
    expect(answer).toMatchObject({ kind: 'answered', corpusVersion: 'v2' });
    expect(answer.citations[0]).toMatchObject({
      documentId: PILOT_ID,
      section: ARTICLE_4,
      version: 'pilot-docx',
    });
    expect(answer.citations[0]?.quote).toContain('trong mười tám tháng');
  });

  it('replaces it by a PDF edition with one article changed: only that article is re-embedded and reported', async () => {
    await rm(join(corpus, `${BASE}.docx`));
    await writeFile(join(corpus, `${BASE}.pdf`), pilotPdf(pilotBlocks('hai mươi bốn tháng')));
    await writeFile(join(corpus, `${BASE}.meta.yaml`), pilotSidecar({ version: '"pilot-pdf"' }));
    const before = embedder.embeddedTexts;
    const report = await app.reindex(corpus);
    expect(report.version.label).toBe('v3');
    expect(report.diff).toEqual({
      added: [],
      changed: [`${PILOT_ID}/vi/II.4`],
      removed: [],
      textDiffs: { [`${PILOT_ID}/vi/II.4`]: expect.stringContaining('[-mười tám-] {+hai mươi bốn+} tháng') },
    });
    expect(report.embedded).toBe(1);
    expect(embedder.embeddedTexts - before).toBe(1);

    const answer = await app.ask(QUESTION);
    expect(answer).toMatchObject({ kind: 'answered', corpusVersion: 'v3' });
    expect(answer.citations[0]).toMatchObject({
      documentId: PILOT_ID,
      section: ARTICLE_4,
      version: 'pilot-pdf',
    });
    expect(answer.citations[0]?.quote).toContain('trong hai mươi bốn tháng');
  });

  it.each([
    [
      'a scanned PDF',
      'scan-notice.vi.pdf',
      buildPdf([{ image: true }]),
      'scan-notice.vi.pdf: is a scanned, image-only PDF (its page has no text layer)',
    ],
    [
      'a password-protected PDF',
      'scan-notice.vi.pdf',
      pilotPdf(undefined, { userPassword: 'mật-khẩu' }),
      'scan-notice.vi.pdf: is password-protected (encrypted)',
    ],
    [
      'an encrypted DOCX',
      'scan-notice.vi.docx',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
      'scan-notice.vi.docx: is an encrypted (password-protected) Office file',
    ],
    [
      'a .doc file',
      'scan-notice.vi.doc',
      Buffer.from('old'),
      'scan-notice.vi.doc: unsupported format (.doc)',
    ],
  ])(
    'refuses %s by name and leaves the previous version active and answering',
    async (_name, file, bytes, message) => {
      await writeFile(join(corpus, file), bytes);
      await writeFile(join(corpus, 'scan-notice.vi.meta.yaml'), pilotSidecar({ id: 'scan-notice' }));
      try {
        const failure = app.reindex(corpus);
        await expect(failure).rejects.toBeInstanceOf(CorpusError);
        await expect(failure).rejects.toThrow(message);
      } finally {
        await rm(join(corpus, file));
        await rm(join(corpus, 'scan-notice.vi.meta.yaml'));
      }
      expect((await app.versions.active())?.label).toBe('v3');
      expect(await app.versions.list()).toHaveLength(3);
      const answer = await app.ask(QUESTION);
      expect(answer).toMatchObject({ kind: 'answered', corpusVersion: 'v3' });
      expect(answer.citations[0]).toMatchObject({ section: ARTICLE_4, version: 'pilot-pdf' });
    },
  );
});
