import { validateFlow, type NodeTypeCatalog } from '@omniflow/flow-schema';
import { importFlow } from '../importFlow.ts';
import type { ImportOptions, ImportReportItem, ImportSeverity } from '../importTypes.ts';
import { sanitizeIdentifier } from '../shared/expressionText.ts';

/** What the `import` subcommand needs from its host: the node-type catalog and file and console access. */
export interface ImportCommandHost {
  catalog: NodeTypeCatalog;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  out(line: string): void;
  err(line: string): void;
}

/** Usage line of the `import` subcommand. */
export const IMPORT_USAGE =
  'usage: omniflow import <file> [--from connect|twilio] [--locale en-US] [--out flow.json] [--report report.json]';

/**
 * `omniflow import <file>`: reads an Amazon Connect or Twilio Studio export, writes the Omniflow flow (validated
 * against `host.catalog`) and prints the report. Resolves to the exit code: 0 written, 1 not importable or not
 * valid, 2 bad usage.
 */
export async function runImportCommand(argv: readonly string[], host: ImportCommandHost): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    host.err(`${parsed}\n${IMPORT_USAGE}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await host.readText(parsed.file));
  } catch (error) {
    host.err(`cannot read ${parsed.file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const result = importFlow(json, parsed.options);
  if (!result.ok) {
    host.err(`${result.error.code}: ${result.error.message}`);
    return 1;
  }
  const base = baseName(parsed.file);
  const flow = { ...result.flow, id: sanitizeIdentifier(base).toLowerCase().replace(/_/g, '-') };
  const validation = validateFlow(flow, host.catalog);
  const outPath = parsed.out ?? `${dirName(parsed.file)}${base}.omniflow.json`;
  for (const line of describeReport(result.report)) host.out(line);
  if (!validation.ok) {
    for (const issue of validation.issues)
      host.err(`${issue.severity} ${issue.code} ${issue.pointer} ${issue.message}`);
    host.err('The imported flow does not validate; nothing was written. Please report this with the source file.');
    return 1;
  }
  for (const issue of validation.issues) host.out(`warning ${issue.code} ${issue.pointer} ${issue.message}`);
  await host.writeText(outPath, `${JSON.stringify(flow, null, 2)}\n`);
  if (parsed.report !== undefined) await host.writeText(parsed.report, `${JSON.stringify(result.report, null, 2)}\n`);
  host.out(
    `Imported ${result.format === 'connect' ? 'Amazon Connect' : 'Twilio Studio'} flow "${flow.name}": ${flow.nodes.length} nodes → ${outPath}`,
  );
  return 0;
}

/** The report as console lines: each item, then a count per severity. */
export function describeReport(report: readonly ImportReportItem[]): string[] {
  const counts: Record<ImportSeverity, number> = { info: 0, approximate: 0, unsupported: 0 };
  const lines = report.map((item) => {
    counts[item.severity]++;
    return `${item.severity.padEnd(11)} ${item.sourceRef}: ${item.message}`;
  });
  lines.push(`${counts.unsupported} unsupported, ${counts.approximate} approximate, ${counts.info} info`);
  return lines;
}

function parseArgs(
  argv: readonly string[],
): { file: string; options: ImportOptions; out?: string; report?: string } | string {
  const files: string[] = [];
  const options: ImportOptions = {};
  let out: string | undefined;
  let report: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = argv[i + 1];
    if (arg === '--from' || arg === '--locale' || arg === '--out' || arg === '--report') {
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      i++;
      if (arg === '--from') {
        if (value !== 'connect' && value !== 'twilio') return `--from must be connect or twilio, not "${value}"`;
        options.from = value;
      } else if (arg === '--locale') options.locale = value;
      else if (arg === '--out') out = value;
      else report = value;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  const [file] = files;
  if (file === undefined || files.length > 1)
    return files.length > 1 ? 'give one file to import' : 'which file should be imported?';
  return { file, options, ...(out !== undefined ? { out } : {}), ...(report !== undefined ? { report } : {}) };
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.json$/i, '') || 'imported-flow';
}

function dirName(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index < 0 ? '' : path.slice(0, index + 1);
}
