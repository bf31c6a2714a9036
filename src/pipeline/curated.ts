import type { AuditEntry } from '../db/audit.ts';
import type { CuratedAnswer, CuratedRepository } from '../db/curated.ts';
import type { Escalation } from '../db/escalations.ts';
import type { Embedder } from '../embeddings/create.ts';

export interface CuratedDeps {
  repository: CuratedRepository;
  embedder: Embedder;
  /** Cosine similarity from which an asked question counts as the curated one (CURATED_SIMILARITY). */
  minSimilarity: number;
  recordAudit: (entry: AuditEntry) => Promise<void>;
}

/** Curated answers: published from an answered escalation, found again for a similar question. */
export function createCuratedAnswers({ repository, embedder, minSimilarity, recordAudit }: CuratedDeps) {
  return {
    async publish(escalation: Escalation, publishedBy: number): Promise<number | undefined> {
      if (!escalation.answer) return undefined;
      const id = await repository.publish({
        escalationId: escalation.id,
        language: escalation.language,
        question: escalation.question,
        answer: escalation.answer,
        sections: escalation.found.flatMap((c) =>
          c.sectionId ? [{ documentId: c.documentId, sectionId: c.sectionId, language: c.language }] : [],
        ),
        corpusVersion: escalation.corpusVersion,
        publishedBy,
        embedder: embedder.id,
        embedding: await embedder.embedQuery(escalation.question),
      });
      await recordAudit({
        actor: publishedBy,
        action: 'published',
        subject: `escalation:${escalation.id}`,
        details: { curated: id },
      });
      return id;
    },

    /** The published answer to (nearly) the same question in the same language, if there is one. */
    async match(question: string, language: string): Promise<CuratedAnswer | undefined> {
      const [best] = await repository.nearest(embedder.id, await embedder.embedQuery(question), language, 1);
      return best && best.similarity >= minSimilarity ? best : undefined;
    },
  };
}

export type CuratedAnswers = ReturnType<typeof createCuratedAnswers>;
