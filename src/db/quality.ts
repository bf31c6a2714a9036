import type pg from 'pg';
import type { QualityFigures } from '../eval/quality-figures.ts';

/** The development set's figures stored with each corpus version (table of migration 007). */
export function createQualityRepository(pool: pg.Pool) {
  return {
    async find(versionId: number, measuredWith: string): Promise<QualityFigures | undefined> {
      const result = await pool.query<{ figures: QualityFigures }>(
        'SELECT figures FROM version_quality WHERE version_id = $1 AND measured_with = $2',
        [versionId, measuredWith],
      );
      return result.rows[0]?.figures;
    },

    /** Stores (or replaces) a version's figures; a version deleted meanwhile is simply not recorded. */
    async record(versionId: number, measuredWith: string, figures: QualityFigures): Promise<void> {
      await pool.query(
        `INSERT INTO version_quality (version_id, measured_with, figures)
         SELECT id, $2, $3 FROM corpus_versions WHERE id = $1
         ON CONFLICT (version_id, measured_with) DO UPDATE SET figures = EXCLUDED.figures, measured_at = now()`,
        [versionId, measuredWith, JSON.stringify(figures)],
      );
    },
  };
}

export type QualityRepository = ReturnType<typeof createQualityRepository>;
