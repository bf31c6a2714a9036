import { type Random, random } from './random.ts';

/**
 * Deterministic Vietnamese-like documents for scale benchmarks: the organisation indexing all of its
 * regulations, not one guideline. Each document has a topic of its own (a few dozen made-up words it keeps
 * using, so passages of one document resemble each other more than those of another, as they do in real
 * text and in real embeddings); around them, administrative phrasing that follows the word-to-word
 * transitions of the real Vietnamese corpus, and a long tail of rare words, so the vocabulary keeps growing
 * with the corpus.
 */

/** Bump when the generated text changes, so cached benchmark databases are rebuilt. */
export const GENERATOR_VERSION = 'synthetic-v2';

/** Shares of the words: following the real corpus's transitions, from the document's topic; the rest rare. */
const MARKOV_SHARE = 0.55;
const TOPIC_SHARE = 0.3;
const TOPIC_WORDS = 40;
const TAIL_WORDS = 40_000;
const TAIL_OFFSET = 30;
/** Under the chunker's 600 characters, so that every article is exactly one passage. */
const PARAGRAPH_CHARS = { min: 240, max: 560 };

const ONSETS = ['', ...'b c ch d đ g gi h kh l m n ng nh ph qu t th tr v x'.split(' ')];
const NUCLEI = 'a ă â e ê i o ô ơ u ư y ươ uô iê oa oe uy'.split(' ');
const CODAS = ['', '', '', ...'c ch m n ng nh p t i o u'.split(' ')];
/** Combining tone marks: level, grave, acute, hook, tilde, dot below. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

function syllable(rng: Random): string {
  const nucleus = rng.pick(NUCLEI);
  // The tone mark follows the nucleus's last vowel; NFC then composes the two.
  return `${rng.pick(ONSETS)}${nucleus}${rng.pick(TONES)}${rng.pick(CODAS)}`.normalize('NFC');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The real corpus's Vietnamese text as lower-case words, with which word follows which. */
function transitions(texts: string[]): { starts: string[]; next: Map<string, string[]> } {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const text of texts) {
    for (const sentence of text.split(/[.!?;:\n]+/)) {
      const words = sentence.normalize('NFC').toLowerCase().match(WORD) ?? [];
      if (words.length > 0) starts.push(words[0] as string);
      for (let i = 1; i < words.length; i += 1) {
        const list = next.get(words[i - 1] as string) ?? [];
        list.push(words[i] as string);
        next.set(words[i - 1] as string, list);
      }
    }
  }
  return { starts, next };
}

export interface TextGenerator {
  paragraph(): string;
  title(): string;
}

/** Zipf-like: word r of the tail is drawn with probability proportional to 1/(r + offset). */
function zipfSampler(rng: Random, words: string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r += 1) {
    total += 1 / (r + TAIL_OFFSET);
    cumulative.push(total);
  }
  return () => {
    const target = rng.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    return words[low] as string;
  };
}

/** Generators of documents from one seed: each call to `document()` starts a document with its own topic. */
export function createTextGenerator(sourceTexts: string[], seed: number) {
  const rng = random(seed);
  const { starts, next } = transitions(sourceTexts);
  if (starts.length === 0) throw new Error('the synthetic corpus needs Vietnamese source text');
  const tailWord = zipfSampler(
    rng,
    Array.from({ length: TAIL_WORDS }, () => syllable(rng)),
  );
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return {
    document(): TextGenerator {
      // Topic words are one or two syllables, drawn from the tail: neighbouring topics share a few.
      const topic = Array.from({ length: TOPIC_WORDS }, () =>
        rng.next() < 0.6 ? `${tailWord()} ${tailWord()}` : tailWord(),
      );
      const words = (count: number) => {
        const out = [rng.pick(starts)];
        while (out.length < count) {
          const followers = next.get(out[out.length - 1] as string);
          const draw = rng.next();
          if (followers && draw < MARKOV_SHARE) out.push(rng.pick(followers));
          else if (draw < MARKOV_SHARE + TOPIC_SHARE) out.push(...rng.pick(topic).split(' '));
          else out.push(tailWord());
        }
        return out;
      };
      const sentence = () => `${capitalised(words(rng.int(10, 24)).join(' '))}.`;
      return {
        paragraph() {
          const length = rng.int(PARAGRAPH_CHARS.min, PARAGRAPH_CHARS.max);
          let text = sentence();
          for (let s = sentence(); text.length + 1 + s.length <= length; s = sentence()) text += ` ${s}`;
          return text.length <= PARAGRAPH_CHARS.max
            ? text
            : `${text.slice(0, PARAGRAPH_CHARS.max - 1).trimEnd()}.`;
        },
        title: () => capitalised(words(rng.int(4, 9)).join(' ')),
      };
    },
  };
}
