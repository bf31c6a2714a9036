import { CorpusError } from '../../errors.ts';

// A password-protected Office file is not a zip at all but an OLE compound file holding the encrypted
// package; so is a Word 97–2003 .doc renamed to .docx.
const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');

interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/** Mammoth's document model → text: paragraphs end with a blank line, a manual line break is a newline. */
function textOf(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    default: {
      const inner = (element.children ?? []).map(textOf).join('');
      return element.type === 'paragraph' ? `${inner}\n\n` : inner;
    }
  }
}

/**
 * The body text of a DOCX, read with mammoth (what LangChain's DocxLoader wraps). Mammoth's raw-text mode
 * drops manual line breaks ("Chương I⏎QUY ĐỊNH CHUNG" would read "Chương IQUY ĐỊNH CHUNG"), so the text is
 * taken from its document model instead. Page headers, footers, footnotes and comments are not body text.
 */
export async function extractDocxText(bytes: Buffer, fileName: string): Promise<string> {
  const head = bytes.subarray(0, 8);
  if (head.equals(OLE_SIGNATURE)) {
    throw new CorpusError(
      fileName,
      'is an encrypted (password-protected) Office file or an old Word .doc, not a DOCX: remove the password and save it as .docx',
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new CorpusError(fileName, 'is not a valid DOCX (not a zip package): save it again as .docx');
  }
  let text = '';
  try {
    // Loaded when a DOCX is read: memory a bot that only answers never needs.
    const { default: mammoth } = await import('mammoth');
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (document: DocxElement) => {
          text = textOf(document);
          return document;
        },
      },
    );
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new CorpusError(fileName, `is not a valid DOCX (damaged?): ${reason}`);
  }
  if (!/\p{L}/u.test(text)) throw new CorpusError(fileName, 'has no text to index');
  return text;
}
