import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/corpus/formats/pdf.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CorpusError } from '../../src/errors.ts';
import { buildDocx } from '../helpers/docx-writer.ts';
import { PILOT_ID, pilotBlocks, pilotDocx, pilotPdf, pilotSidecar } from '../helpers/official-fixtures.ts';
import { buildPdf } from '../helpers/pdf-writer.ts';

const BASE = `${PILOT_ID}.vi`;
const SIDECAR = `${BASE}.meta.yaml`;
const MARKDOWN =
  '---\nid: other\ntitle: Khác\nlanguage: vi\nstatus: digest\nversion: "1"\nsources: []\n---\n## I. Phần\n\nNội dung.\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assistant-formats-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

const sectionsOf = async () => {
  const [document] = await loadCorpus(dir);
  return [...new Map(document?.chunks.map((c) => [c.sectionId, c.sectionPath])).entries()];
};

const refusal = async () => {
  const error = await loadCorpus(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CorpusError);
  return (error as CorpusError).message;
};

const PILOT_SECTIONS = [
  ['0', 'Quy định thử nghiệm về sử dụng trợ lý trí tuệ nhân tạo'],
  ['I.1', 'Chương I. QUY ĐỊNH CHUNG › Điều 1. Phạm vi điều chỉnh'],
  ['I.2', 'Chương I. QUY ĐỊNH CHUNG › Điều 2. Đối tượng áp dụng'],
  [
    'II.3',
    'Chương II. SỬ DỤNG TRỢ LÝ TRÍ TUỆ NHÂN TẠO › Điều 3. Những việc không được làm khi sử dụng trợ lý trí tuệ nhân tạo',
  ],
  ['II.4', 'Chương II. SỬ DỤNG TRỢ LÝ TRÍ TUỆ NHÂN TẠO › Điều 4. Lưu giữ nhật ký sử dụng'],
  ['s7', 'Nơi nhận'],
];

describe('official editions in the corpus', () => {
  it('loads a DOCX with its sidecar into Chương › Điều sections', async () => {
    await put({ [`${BASE}.docx`]: pilotDocx(), [SIDECAR]: pilotSidecar() });
    const [document] = await loadCorpus(dir);
    expect(document?.meta).toMatchObject({
      id: PILOT_ID,
      language: 'vi',
      status: 'official',
      version: 'pilot-2025-01',
    });
    expect(document?.fileName).toBe(`${BASE}.docx`);
    expect(await sectionsOf()).toEqual(PILOT_SECTIONS);
  });

  it('loads the PDF edition into the same sections, word for word, without its page furniture', async () => {
    await put({ [`${BASE}.docx`]: pilotDocx(), [SIDECAR]: pilotSidecar() });
    const [fromDocx] = await loadCorpus(dir);
    await rm(join(dir, `${BASE}.docx`));
    await put({ [`${BASE}.pdf`]: pilotPdf() });
    const [fromPdf] = await loadCorpus(dir);
    expect(await sectionsOf()).toEqual(PILOT_SECTIONS);
    expect(fromPdf?.chunks.map((c) => [c.chunkKey, c.content])).toEqual(
      fromDocx?.chunks.map((c) => [c.chunkKey, c.content]),
    );
    const text = fromPdf?.chunks.map((c) => c.content).join('\n') ?? '';
    expect(text).not.toMatch(/Văn phòng thử nghiệm – Quy định|- \d -/);
    expect(text).toContain('lưu giữ nhật ký sử dụng trợ lý AI trong mười tám tháng để phục vụ');
  });

  it('reads a PDF whose text is decomposed (NFD) as NFC', async () => {
    const blocks = pilotBlocks().map((b) => ({ ...b, text: b.text.normalize('NFD') }));
    await put({ [`${BASE}.pdf`]: pilotPdf(blocks), [SIDECAR]: pilotSidecar() });
    expect(await sectionsOf()).toEqual(PILOT_SECTIONS);
  });

  it('loads a PDF encrypted with an owner password only: it opens without one', async () => {
    await put({ [`${BASE}.pdf`]: pilotPdf(undefined, { ownerPassword: 'chủ' }), [SIDECAR]: pilotSidecar() });
    expect(await sectionsOf()).toEqual(PILOT_SECTIONS);
  });

  it('loads a guidance document (hướng dẫn) by its Roman parts and titled items', async () => {
    const docx = buildDocx([
      { text: 'HƯỚNG DẪN\nthử nghiệm về sử dụng AI', bold: true, center: true },
      { text: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true },
      { text: '1. Mục đích', bold: true },
      'Giúp cán bộ dùng trợ lý AI đúng cách.',
      { text: '2. Yêu cầu', bold: true },
      'a) Không đưa tài liệu mật vào AI;',
      'b) Kiểm tra lại kết quả.',
      { text: 'II. TỔ CHỨC THỰC HIỆN', bold: true },
      '1. Các phòng phổ biến hướng dẫn này tới cán bộ.',
    ]);
    await put({ [`${BASE}.docx`]: docx, [SIDECAR]: pilotSidecar() });
    expect(await sectionsOf()).toEqual([
      ['0', 'Quy định thử nghiệm về sử dụng trợ lý trí tuệ nhân tạo'],
      ['I.1', 'I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích'],
      ['I.2', 'I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu'],
      ['II', 'II. TỔ CHỨC THỰC HIỆN'],
    ]);
  });

  it('allows READMEs, example questions and hidden files beside the documents', async () => {
    await put({
      [`${BASE}.pdf`]: pilotPdf(),
      [SIDECAR]: pilotSidecar(),
      'README.md': '# corpus',
      [`questions/${BASE}.yaml`]: 'II.4:\n  - Nhật ký giữ bao lâu?\n',
      '.DS_Store': 'x',
    });
    const [document] = await loadCorpus(dir);
    expect(document?.chunks.find((c) => c.sectionId === 'II.4')?.embeddingInput).toContain(
      'Nhật ký giữ bao lâu?',
    );
  });
});

describe('refused files', () => {
  it('refuses a scanned, image-only PDF by name', async () => {
    await put({ [`${BASE}.pdf`]: buildPdf([{ image: true }, { image: true }]), [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toBe(
      `${BASE}.pdf: is a scanned, image-only PDF (none of its 2 pages has a text layer): get the text-based PDF or the DOCX edition, or OCR it and check the text`,
    );
  });

  it('refuses a PDF with a scanned page among text pages, naming the page', async () => {
    const text = { lines: [{ text: 'Điều 1. Phạm vi điều chỉnh của quy định thử nghiệm này', y: 700 }] };
    await put({
      [`${BASE}.pdf`]: buildPdf([text, { image: true, lines: [{ text: '2', y: 40 }] }]),
      [SIDECAR]: pilotSidecar(),
    });
    expect(await refusal()).toMatch(/pilot-ai-rules\.vi\.pdf: has scanned page 2 without a text layer/);
  });

  it('refuses a password-protected PDF, which the fixture really is', async () => {
    const pdf = pilotPdf(undefined, { userPassword: 'mật-khẩu' });
    await put({ [`${BASE}.pdf`]: pdf, [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toBe(
      `${BASE}.pdf: is password-protected (encrypted): save a copy without a password and put that in the corpus`,
    );
    const opened = await getDocumentProxy(new Uint8Array(pdf), { password: 'mật-khẩu', verbosity: 0 });
    const page = await opened.getPage(1);
    expect((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')).toContain(
      'Chương I',
    );
  });

  it.each([
    [
      'a truncated DOCX',
      pilotDocx().subarray(0, 600),
      /is not a valid DOCX \(damaged\?\): .*central directory/,
    ],
    [
      'a DOCX without its main document',
      Buffer.from('PK\u0003\u0004 not really a zip'),
      /is not a valid DOCX/,
    ],
    ['a text file renamed .docx', Buffer.from('Chương I'), /is not a valid DOCX \(not a zip package\)/],
    [
      'an encrypted Office file (an OLE container)',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
      /is an encrypted \(password-protected\) Office file or an old Word \.doc, not a DOCX/,
    ],
  ])('refuses %s', async (_name, bytes, message) => {
    await put({ [`${BASE}.docx`]: bytes, [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toMatch(new RegExp(`^${BASE}\\.docx: ${message.source}`));
  });

  it('refuses a truncated PDF and a file that is not a PDF at all', async () => {
    await put({ [`${BASE}.pdf`]: pilotPdf().subarray(0, 300), [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toMatch(
      /^pilot-ai-rules\.vi\.pdf: is not a readable PDF \(damaged or truncated\?\)/,
    );
    await put({ [`${BASE}.pdf`]: pilotDocx() });
    expect(await refusal()).toMatch(/^pilot-ai-rules\.vi\.pdf: is not a PDF file \(no %PDF header\)/);
  });

  it.each(['guideline.doc', 'guideline.odt', 'guideline.rtf', 'notes.txt', 'sub/scan.tiff', 'noextension'])(
    'refuses %s as an unsupported format',
    async (file) => {
      await put({ 'other.vi.md': MARKDOWN, [file]: 'x' });
      expect(await refusal()).toMatch(
        new RegExp(`^${file.replace('.', '\\.')}: unsupported format \\(.+\\), convert it to DOCX or PDF`),
      );
    },
  );

  it('refuses a PDF without its sidecar, and a sidecar without its file', async () => {
    await put({ [`${BASE}.pdf`]: pilotPdf() });
    expect(await refusal()).toBe(
      `${BASE}.pdf: has no sidecar: write its metadata (id, title, language, status, version, sources) in ${SIDECAR} beside it`,
    );
    await rm(join(dir, `${BASE}.pdf`));
    await put({ [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toBe(
      `${SIDECAR}: is a sidecar without its document: ${BASE}.pdf or ${BASE}.docx must be beside it`,
    );
  });

  it('checks the sidecar with the front-matter schema and the file name against it', async () => {
    await put({
      [`${BASE}.docx`]: pilotDocx(),
      [SIDECAR]: pilotSidecar({ language: 'fr', status: 'final' }),
    });
    expect(await refusal()).toBe(
      `${SIDECAR}: language: expected one of vi, en, uk; status: expected digest or official`,
    );
    await put({ [SIDECAR]: pilotSidecar({ language: 'en' }) });
    expect(await refusal()).toMatch(
      /^pilot-ai-rules\.vi\.docx: the file name must be pilot-ai-rules\.en\.docx/,
    );
  });

  it('refuses two editions of one document and a stray YAML file', async () => {
    await put({ [`${BASE}.docx`]: pilotDocx(), [`${BASE}.pdf`]: pilotPdf(), [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toMatch(/pilot-ai-rules\.vi\.pdf: and pilot-ai-rules\.vi\.docx are two editions/);
    await rm(join(dir, `${BASE}.pdf`));
    await put({ 'settings.yaml': 'a: 1' });
    expect(await refusal()).toMatch(/^settings\.yaml: is neither a sidecar/);
  });

  it('refuses an official file in which no heading is recognised', async () => {
    const plain = 'Một công văn không có chương, điều hay mục nào cả, chỉ có đoạn văn thường.';
    await put({
      [`${BASE}.pdf`]: buildPdf([{ lines: [{ text: plain, y: 700 }] }]),
      [SIDECAR]: pilotSidecar(),
    });
    expect(await refusal()).toMatch(/pilot-ai-rules\.vi\.pdf: has no recognisable headings/);
  });

  it('refuses Vietnamese text in a legacy font encoding (TCVN3)', async () => {
    // "Điều 1. Phạm vi điều chỉnh" and its text as a TCVN3 (.VnTime) PDF extracts them.
    const tcvn3 = '§iÒu 1. Ph¹m vi ®iÒu chØnh';
    const body = 'Quy ®Þnh nµy h­íng dÉn viÖc sö dông trÝ tuÖ nh©n t¹o trong c¬ quan §¶ng vµ Nhµ n­íc.';
    const lines = [tcvn3, ...Array(4).fill(body)].map((text, i) => ({ text, y: 700 - i * 18 }));
    await put({ [`${BASE}.pdf`]: buildPdf([{ lines }]), [SIDECAR]: pilotSidecar() });
    expect(await refusal()).toMatch(/pilot-ai-rules\.vi\.pdf: has almost no Vietnamese letters: .*TCVN3/);
  });

  it('reports the refusal before anything else when a Word lock file is left in the folder', async () => {
    await put({ [`${BASE}.docx`]: pilotDocx(), [SIDECAR]: pilotSidecar(), [`~$${BASE}.docx`]: 'lock' });
    expect(await refusal()).toMatch(/is a lock file Word leaves while a document is open/);
  });
});

describe('extractPdfText', () => {
  it('separates pages with form feeds and marks paragraph ends the layout shows', async () => {
    const pdf = buildPdf([
      {
        lines: [
          { text: 'Điều 1. Phạm vi', y: 700 },
          { text: 'Một dòng dài chạy tới lề phải của trang, như mọi dòng bị ngắt giữa câu', y: 682 },
          { text: 'ở lề.', y: 664 },
          { text: 'Một dòng dài nữa chạy tới lề phải, rồi một khoảng trống rộng hơn thường lệ', y: 646 },
          { text: 'Đoạn cách xa.', y: 580 },
        ],
      },
      { lines: [{ text: 'Trang hai có đủ chữ để không bị coi là trang quét.', y: 700 }] },
    ]);
    expect(await extractPdfText(pdf, 'x.pdf')).toBe(
      'Điều 1. Phạm vi\n\nMột dòng dài chạy tới lề phải của trang, như mọi dòng bị ngắt giữa câu\nở lề.\n\nMột dòng dài nữa chạy tới lề phải, rồi một khoảng trống rộng hơn thường lệ\n\nĐoạn cách xa.\fTrang hai có đủ chữ để không bị coi là trang quét.',
    );
  });
});
