import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { EmbedderMismatchError, NotIndexedError } from '../../src/errors.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';
import { countingEmbedder } from '../helpers/embedders.ts';

const STATE_SECRET = 'Có được đưa thông tin thuộc bí mật nhà nước vào ChatGPT không?';
const STATE_SECRET_UNMARKED = 'co duoc dua thong tin bi mat nha nuoc vao chatgpt khong';

describe.each(BACKENDS)('asking [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('says the guidelines are not indexed before the first re-index', async () => {
    await expect(app.ask(STATE_SECRET)).rejects.toBeInstanceOf(NotIndexedError);
    await app.reindex(CORPUS_DIR);
  });

  it('answers the state-secret question with a quote about state secrets', async () => {
    const answer = await app.ask(STATE_SECRET);
    expect(answer).toMatchObject({ kind: 'answered', language: 'vi', corpusVersion: 'v1' });
    expect(answer.citations[0]).toMatchObject({
      documentId: 'cpo-ai-guidelines',
      version: 'digest-2025-11-27',
    });
    expect(answer.citations[0]?.quote).toContain('bí mật nhà nước');
    for (const citation of answer.citations) {
      expect(citation).toEqual(
        expect.objectContaining({
          documentId: expect.any(String),
          section: expect.any(String),
          version: expect.any(String),
          quote: expect.any(String),
          score: expect.any(Number),
        }),
      );
    }
  });

  it('finds the same top passage when the question is typed without tone marks', async () => {
    const marked = await app.ask(STATE_SECRET);
    const unmarked = await app.ask(STATE_SECRET_UNMARKED);
    expect(unmarked.kind).toBe('answered');
    expect(unmarked.language).toBe('vi');
    expect(unmarked.citations[0]?.section).toBe(marked.citations[0]?.section);
    expect(unmarked.citations[0]?.quote).toBe(marked.citations[0]?.quote);
  });

  it.each([
    ['Thời tiết Hà Nội hôm nay thế nào?', /thời tiết|tiết|hà/],
    ['Giá vàng SJC hôm nay bao nhiêu?', /vàng|sjc/i],
    ['What is the capital of Australia?', /capital|australia/i],
  ])('escalates a question the guidelines do not cover: %s', async (question, missing) => {
    const answer = await app.ask(question);
    expect(answer.kind).toBe('escalated');
    expect(answer.reason).toMatch(/low confidence/);
    expect(answer.reason).toMatch(missing);
  });

  it('escalates a question about another law, however many words it shares with the guidelines', async () => {
    const answer = await app.ask('Theo Luật Bảo vệ bí mật nhà nước thì bí mật nhà nước chia làm mấy độ mật?');
    expect(answer.kind).toBe('escalated');
    expect(answer.escalation).toBe('low_confidence');
    expect(answer.reason).toMatch(/another instrument \(Luật Bảo vệ bí mật/);
  });

  it('escalates a question that mentions neither AI nor these documents, though retrieval finds its words', async () => {
    const answer = await app.ask(
      'Bệnh viện tuyến tỉnh triển khai bệnh án điện tử phải đáp ứng những tiêu chí gì?',
    );
    expect(answer.confidence).toBeGreaterThanOrEqual(db.config.confidenceThreshold);
    expect(answer.kind).toBe('escalated');
    expect(answer.reason).toBe('the question mentions neither AI nor these documents');
  });

  it('escalates a request for the official file instead of quoting a digest', async () => {
    const answer = await app.ask('Cho xin file PDF bản gốc Hướng dẫn AI của Văn phòng Trung ương Đảng với');
    expect(answer.kind).toBe('escalated');
    expect(answer.escalation).toBe('not_in_public_reports');
    expect(answer.reason).toMatch(/no passage found states the full text asked for/);
  });

  it('refuses to mix embedders: a different model than the index was built with', async () => {
    const other = countingEmbedder(256);
    await app.close();
    const mismatched = await openApp(db.config, { embedder: other });
    try {
      await expect(mismatched.ask(STATE_SECRET)).rejects.toBeInstanceOf(EmbedderMismatchError);
      await expect(mismatched.ask(STATE_SECRET)).rejects.toThrow(/npm run reindex/);
    } finally {
      await mismatched.close();
      app = await openApp(db.config);
    }
  });
});
