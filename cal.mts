import { readFileSync } from 'node:fs';
import { openApp } from './src/app.ts';
import { loadConfig } from './src/config.ts';
import { parseQaFile } from './src/eval/qa-file.ts';
import { firstHit } from './src/eval/metrics.ts';
const file = process.argv[2]!;
const items = parseQaFile(readFileSync(file, 'utf8'), file);
const app = await openApp(loadConfig({ LOG_LEVEL: 'silent' }));
for (const it of items) {
  const { retrieval: r, answer } = await app.trace(it.question);
  const hit = it.answerable ? firstHit(r.passages.map(p=>({section:'',quote:p.content,original:p.original?.quote})), it.expect, 5) : '-';
  console.log([it.id, it.lang, it.category.padEnd(14), r.confidence.toFixed(2), r.coverage.gapShare.toFixed(2), String(hit).padEnd(9), answer.kind.padEnd(9), r.gap ? 'G' : '-', 'gap:'+r.coverage.gapTerms.join(','), 'miss:'+r.coverage.missing.join(','), it.question.slice(0,60)].join(' '));
}
await app.close();
