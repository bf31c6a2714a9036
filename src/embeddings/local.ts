import { Embeddings } from '@langchain/core/embeddings';
import { foldText, words } from '../text/normalize.ts';

/**
 * Offline, deterministic embedder: hashed character n-grams (3–5) and words of the folded text, so it is
 * blind to case and Vietnamese tone marks and tolerant of inflection (Ukrainian) and typos. It knows no
 * synonyms: meaning beyond shared letters needs a real model (EMBEDDINGS_PROVIDER=ollama|openai).
 */
export class LocalHashEmbeddings extends Embeddings {
  constructor(readonly dimensions: number) {
    super({});
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.embed(text)));
  }

  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.embed(text));
  }

  private embed(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const tokens = words(foldText(text));
    tokens.forEach((token, i) => {
      add(`w:${token}`);
      if (i > 0) add(`b:${tokens[i - 1]} ${token}`);
      const padded = ` ${token} `;
      for (let n = 3; n <= 5; n += 1) {
        for (let start = 0; start + n <= padded.length; start += 1)
          add(`c:${padded.slice(start, start + n)}`);
      }
    });
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      // The sign bit halves the bias that collisions add; log damping keeps frequent words from dominating.
      const sign = hash & 0x80000000 ? -1 : 1;
      const weight = (feature.startsWith('c:') ? 0.5 : 1) * (1 + Math.log(count));
      const slot = (hash & 0x7fffffff) % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + sign * weight;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
