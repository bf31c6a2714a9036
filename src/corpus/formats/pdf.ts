import type { getDocumentProxy } from 'unpdf';
import { CorpusError } from '../../errors.ts';
import { layoutPage, type PositionedText } from './pdf-layout.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

// A page with fewer letters than this has no real text layer (a scan may still carry a stamped page number).
const MIN_PAGE_LETTERS = 25;
const IMAGE_OPERATORS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
] as const;

const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

async function open(bytes: Uint8Array, fileName: string): Promise<PdfDocument> {
  // The header may follow a few bytes of junk, as readers allow; anything else is not a PDF at all.
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new CorpusError(fileName, 'is not a PDF file (no %PDF header); convert it to DOCX or PDF');
  }
  try {
    // A copy: pdf.js takes ownership of the buffer it is given. No font is needed to read text.
    // Loaded when a PDF is read: pdf.js is memory a bot that only answers never needs.
    const { getDocumentProxy } = await import('unpdf');
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new CorpusError(
        fileName,
        'is password-protected (encrypted): save a copy without a password and put that in the corpus',
      );
    }
    throw new CorpusError(
      fileName,
      `is not a readable PDF (damaged or truncated?): ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

async function paintsImages(page: PdfPage): Promise<boolean> {
  const { OPS } = await (await import('unpdf')).getResolvedPDFJS();
  const operators = new Set<number>(IMAGE_OPERATORS.map((name) => OPS[name]));
  const { fnArray } = await page.getOperatorList();
  return fnArray.some((fn) => operators.has(fn));
}

async function pageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent();
  const pieces: PositionedText[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    pieces.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height });
  }
  return layoutPage(pieces);
}

function listPages(pages: number[]): string {
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
}

/**
 * The text layer of a text-based PDF, pages separated by form feeds. Refuses, naming the file, a PDF that
 * needs a password, one that pdf.js cannot parse, and a scanned one: a page that shows an image and has
 * (almost) no text is a scan, and indexing the rest would silently leave its words out.
 */
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  const pdf = await open(bytes, fileName);
  try {
    const texts: string[] = [];
    const scanned: number[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const text = await pageText(page);
      if (letters(text) < MIN_PAGE_LETTERS && (await paintsImages(page))) scanned.push(number);
      texts.push(text);
    }
    if (scanned.length === pdf.numPages) {
      const pages = pdf.numPages === 1 ? 'its page has no' : `none of its ${pdf.numPages} pages has a`;
      throw new CorpusError(
        fileName,
        `is a scanned, image-only PDF (${pages} text layer): get the text-based PDF or the DOCX edition, or OCR it and check the text`,
      );
    }
    if (scanned.length > 0) {
      throw new CorpusError(
        fileName,
        `has scanned ${listPages(scanned)} without a text layer (their words would be missing): get the text-based PDF or the DOCX edition`,
      );
    }
    const text = texts.join('\f');
    if (letters(text) < MIN_PAGE_LETTERS) throw new CorpusError(fileName, 'has no text to index');
    return text;
  } finally {
    await pdf.loadingTask.destroy();
  }
}
