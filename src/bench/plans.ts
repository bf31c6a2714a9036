import type pg from 'pg';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/**
 * Runs a repository call with every statement EXPLAINed instead of executed, on one client: what the
 * database would do for the product's own SQL, without copying that SQL here. The call's result is
 * discarded (it sees plan rows), so only calls that survive that may be explained.
 */
export function explainingPool(client: pg.PoolClient) {
  return {
    async explain(call: (pool: pg.Pool) => Promise<unknown>): Promise<PlanNode> {
      let plan: PlanNode | undefined;
      const pool = {
        async query(query: string | pg.QueryConfig, values?: unknown[]) {
          // A named (prepared) statement is explained as plain text: EXPLAIN cannot take its name.
          const { text, values: given } = typeof query === 'string' ? { text: query, values } : query;
          const result = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
            `EXPLAIN (FORMAT JSON) ${text}`,
            given ?? values,
          );
          plan ??= result.rows[0]?.['QUERY PLAN'][0]?.Plan;
          return { rows: [] };
        },
      } as unknown as pg.Pool;
      await call(pool);
      if (!plan) throw new Error('the call ran no statement');
      return plan;
    },
  };
}

/** The scans of a plan, e.g. "Index Scan using chunks_embedding_hnsw_512" or "Seq Scan on chunks". */
export function describePlan(plan: PlanNode): string {
  const scans: string[] = [];
  const visit = (node: PlanNode) => {
    if (node['Index Name']) scans.push(`${node['Node Type']} using ${node['Index Name']}`);
    else if (node['Relation Name']) scans.push(`${node['Node Type']} on ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return scans.join(', ') || plan['Node Type'];
}
