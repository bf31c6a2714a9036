import type { Embedder } from '../../src/embeddings/create.ts';
import { LocalHashEmbeddings } from '../../src/embeddings/local.ts';

/** The default local embedder, counting how many texts it was asked to embed. */
export function countingEmbedder(dimensions = 512): Embedder & { embeddedTexts: number } {
  const inner = new LocalHashEmbeddings(dimensions);
  const embedder = {
    id: `local:hashed-ngrams-v1:${dimensions}`,
    embeddedTexts: 0,
    async embedDocuments(texts: string[]) {
      embedder.embeddedTexts += texts.length;
      return inner.embedDocuments(texts);
    },
    embedQuery: (text: string) => inner.embedQuery(text),
  };
  return embedder;
}
