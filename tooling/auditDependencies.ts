// `pnpm audit:deps`: the dependency audit of `./omniflow test` (issue 14). Runs `pnpm audit --json` against the npm
// registry's audit endpoint and fails on any advisory of moderate severity or worse that `audit-allowlist.json` does
// not list (with a reason and an expiry date). When the endpoint cannot be reached — no network in a sandbox, or a
// registry mirror without the audit API — it reports that and passes: an audit that cannot run proves nothing either
// way, and CI must not turn red for a registry outage.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface AllowedAdvisory {
  id: string;
  package: string;
  reason: string;
  /** ISO date after which the entry no longer applies, so an accepted risk is looked at again. */
  until: string;
}

interface Advisory {
  id: string;
  module: string;
  severity: string;
  title: string;
  url: string;
}

const FAILING = new Set(['moderate', 'high', 'critical']);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the audit and answers the process exit code. */
function main(): number {
  const allowlist = readAllowlist();
  const run = spawnSync('pnpm', ['audit', '--json', ...process.argv.slice(2)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const advisories = parseAdvisories(run.stdout);
  if (advisories === undefined) {
    const reason = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(0, 3).join(' ');
    process.stdout.write(
      `audit: SKIPPED — the registry's audit endpoint could not be reached (${reason || `exit ${String(run.status)}`}); nothing was checked.\n`,
    );
    return 0;
  }
  const today = new Date().toISOString().slice(0, 10);
  const failing = advisories.filter(
    (a) => FAILING.has(a.severity) && !allowlist.some((entry) => entry.id === a.id && entry.until >= today),
  );
  for (const a of advisories) {
    const allowed = !failing.includes(a);
    process.stdout.write(
      `audit: ${allowed ? 'allowed' : 'FAIL'} ${a.severity} ${a.module} ${a.id} — ${a.title} (${a.url})\n`,
    );
  }
  process.stdout.write(
    `audit: ${advisories.length} advisories, ${failing.length} failing (allow-list: audit-allowlist.json)\n`,
  );
  return failing.length > 0 ? 1 : 0;
}

function readAllowlist(): AllowedAdvisory[] {
  const parsed: unknown = JSON.parse(readFileSync(`${root}/audit-allowlist.json`, 'utf8'));
  const entries =
    typeof parsed === 'object' && parsed !== null && 'advisories' in parsed ? parsed.advisories : undefined;
  if (!Array.isArray(entries))
    throw new Error('audit-allowlist.json must hold { "advisories": [{ "id", "package", "reason", "until" }] }.');
  return entries.filter(
    (e): e is AllowedAdvisory =>
      typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.until === 'string',
  );
}

/** The advisories of `pnpm audit --json`, or `undefined` when its output is not an audit report (an error). */
function parseAdvisories(stdout: string): Advisory[] | undefined {
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (typeof report !== 'object' || report === null || !('advisories' in report)) return undefined;
  const all = report.advisories;
  if (typeof all !== 'object' || all === null) return undefined;
  return Object.values(all).map((a: Record<string, unknown>) => ({
    id: String(a['github_advisory_id'] ?? a['id'] ?? ''),
    module: String(a['module_name'] ?? ''),
    severity: String(a['severity'] ?? ''),
    title: String(a['title'] ?? ''),
    url: String(a['url'] ?? ''),
  }));
}

process.exitCode = main();
