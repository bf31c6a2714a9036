import { createHash, randomBytes } from 'node:crypto';

/**
 * Writes small PDF fixtures in the test suite, with no fonts or tools from the machine: the text is drawn
 * with a non-embedded composite font (Identity-H) whose ToUnicode map sends each two-byte code to the
 * Unicode character of the same number, which is exactly the path text extraction takes through the
 * subset fonts a word processor embeds. Pages can be image-only (a scan) and the file can be encrypted with
 * the standard security handler (RC4, 128 bits, revision 3), as Word or Acrobat write a password-protected PDF.
 */

export interface PdfLine {
  text: string;
  /** Left edge in points; 72 (one inch) by default. */
  x?: number;
  /** Baseline in points from the bottom of an A4 page (842 high). */
  y: number;
  size?: number;
}

export interface PdfPage {
  lines?: PdfLine[];
  /** Paint a grey image over the whole page, as a scanner does. */
  image?: boolean;
}

export interface PdfOptions {
  /** Encrypt with this user password (the one needed to open the file). */
  userPassword?: string;
  /** Encrypt with this owner password (restricts permissions only, when the user password is empty). */
  ownerPassword?: string;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
// Every glyph is 500/1000 em wide: enough for the extractor to measure line lengths.
const GLYPH_WIDTH = 500;

const hex = (text: string) =>
  [...text].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');

function contentStream(page: PdfPage): string {
  const parts: string[] = [];
  if (page.image) parts.push(`q ${PAGE_WIDTH} 0 0 ${PAGE_HEIGHT} 0 0 cm /Im1 Do Q`);
  for (const line of page.lines ?? []) {
    const size = line.size ?? 12;
    parts.push(`BT /F1 ${size} Tf 1 0 0 1 ${line.x ?? 72} ${line.y} Tm <${hex(line.text)}> Tj ET`);
  }
  return parts.join('\n');
}

function toUnicodeCMap(pages: PdfPage[]): string {
  const highBytes = new Set<number>();
  for (const page of pages) {
    for (const line of page.lines ?? [])
      for (const char of line.text) highBytes.add((char.codePointAt(0) ?? 0) >> 8);
  }
  const ranges = [...highBytes]
    .sort((a, b) => a - b)
    .map((high) => {
      const h = high.toString(16).padStart(2, '0');
      return `<${h}00> <${h}ff> <${h}00>`;
    });
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <ffff> endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n += 1) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);

/** Repeated RC4 of revision 3: the key XORed with 0..19 (or 19..1 when decrypting). */
function rc4Rounds(key: Buffer, data: Buffer): Buffer {
  let out = data;
  for (let round = 0; round < 20; round += 1) out = rc4(Buffer.from(key.map((b) => b ^ round)), out);
  return out;
}

interface Security {
  dictionary: string;
  encrypt(objectNumber: number, data: Buffer): Buffer;
}

/** Algorithms 2, 3 and 5 of the PDF 1.7 standard security handler, revision 3, 128-bit key. */
function standardSecurity(userPassword: string, ownerPassword: string, fileId: Buffer): Security {
  let ownerKey = md5(pad(ownerPassword || userPassword));
  for (let i = 0; i < 50; i += 1) ownerKey = md5(ownerKey);
  const owner = rc4Rounds(ownerKey, pad(userPassword));
  const permissions = -4; // everything allowed: the test is about opening, not permissions
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  let key = md5(pad(userPassword), owner, p, fileId);
  for (let i = 0; i < 50; i += 1) key = md5(key);
  const user = Buffer.concat([rc4Rounds(key, md5(PADDING, fileId)), Buffer.alloc(16)]);
  return {
    dictionary: `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${permissions} /O <${owner.toString('hex')}> /U <${user.toString('hex')}> >>`,
    encrypt(objectNumber, data) {
      const suffix = Buffer.from([objectNumber & 255, (objectNumber >> 8) & 255, objectNumber >> 16, 0, 0]);
      return rc4(md5(key, suffix).subarray(0, 16), data);
    },
  };
}

/** A PDF of A4 pages with the given lines of text (any Unicode in the Basic Multilingual Plane). */
export function buildPdf(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const fileId = randomBytes(16);
  const encrypted = options.userPassword !== undefined || options.ownerPassword !== undefined;
  const security = encrypted
    ? standardSecurity(options.userPassword ?? '', options.ownerPassword ?? '', fileId)
    : undefined;
  const objects: Array<string | { dict: string; stream: Buffer }> = [];
  const add = (object: string | { dict: string; stream: Buffer }) => objects.push(object);
  const pageIds = pages.map((_, i) => 7 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`); // 2
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /TimesNewRoman /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
  ); // 3
  add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TimesNewRoman /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW ${GLYPH_WIDTH} /CIDToGIDMap /Identity >>`,
  ); // 4
  add({ dict: '<<', stream: Buffer.from(toUnicodeCMap(pages)) }); // 5
  add(
    '<< /Type /FontDescriptor /FontName /TimesNewRoman /Flags 34 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ); // 6
  for (const [i, page] of pages.entries()) {
    const image = page.image ? ` /XObject << /Im1 ${7 + pages.length * 2} 0 R >>` : '';
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >>${image} >> /Contents ${(pageIds[i] as number) + 1} 0 R >>`,
    );
    add({ dict: '<<', stream: Buffer.from(contentStream(page)) });
  }
  // A 64 × 64 grey scan, shared by every image page.
  add({
    dict: '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8',
    stream: Buffer.alloc(64 * 64, 0xc8),
  });
  if (security) add(security.dictionary);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  const encryptId = security ? objects.length : 0;
  for (const [i, object] of objects.entries()) {
    const number = i + 1;
    offsets.push(length);
    let body: Buffer;
    if (typeof object === 'string') body = Buffer.from(object, 'latin1');
    else {
      const data = security && number !== encryptId ? security.encrypt(number, object.stream) : object.stream;
      body = Buffer.concat([
        Buffer.from(`${object.dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]);
    }
    const chunk = Buffer.concat([Buffer.from(`${number} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${fileId.toString('hex')}> <${fileId.toString('hex')}>]${security ? ` /Encrypt ${encryptId} 0 R` : ''} >>`,
    'startxref',
    String(length),
    '%%EOF\n',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
