// `npm audit` for CI: fails on any advisory of high or critical severity that is not accepted in
// .ci/audit-accepted.json (each entry: the advisory's URL or id, the package, and why it is accepted).
// A registry without the audit endpoint (some mirrors answer 405) is reported, not hidden, and does not fail.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const accepted = JSON.parse(readFileSync(new URL('./audit-accepted.json', import.meta.url), 'utf8'));
let report;
try {
  report = JSON.parse(
    execFileSync('npm', ['audit', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
} catch (error) {
  // npm audit exits non-zero when it finds something; its JSON is still on stdout.
  report = JSON.parse(error.stdout || '{}');
}
if (report.statusCode || report.error) {
  console.log(
    `npm audit could not run: the registry's audit endpoint answered ${report.statusCode ?? report.error?.code ?? 'an error'}`,
  );
  process.exit(0);
}
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) =>
  ['high', 'critical'].includes(v.severity),
);
const isAccepted = (v) =>
  v.via.every(
    (via) =>
      typeof via === 'string' ||
      accepted.some((a) => a.advisory === via.url || a.advisory === String(via.source)),
  );
const open = serious.filter((v) => !isAccepted(v));
for (const a of accepted) console.log(`accepted: ${a.package} ${a.advisory}: ${a.reason}`);
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit: ${JSON.stringify(counts)}`);
if (open.length > 0) {
  for (const v of open)
    console.log(`not accepted: ${v.name} (${v.severity}) ${v.via.map((x) => x.url ?? x).join(' ')}`);
  process.exit(1);
}
