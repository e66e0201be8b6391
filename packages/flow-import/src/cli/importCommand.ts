import type { FlowIssue } from '@omniflow/flow-schema';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import { checkImportedFlow } from '../checkImportedFlow.ts';
import { importFlows, type ImportedFlow, type ImportSource } from '../importFlows.ts';
import type { ImportReportItem, ImportSeverity } from '../importTypes.ts';
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from './importArgs.ts';

export { IMPORT_USAGE } from './importArgs.ts';

/** What the `import` subcommand needs from its host: the node types and file, folder and console access. */
export interface ImportCommandHost {
  registry: NodeTypeRegistry;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  /** The `.json` files under a folder (recursively), or undefined when the path is not a folder. */
  listJsonFiles(path: string): Promise<string[] | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/**
 * `omniflow import <file|folder>…`: reads Amazon Connect / Twilio Studio exports, imports them together (a flow
 * calling another imported one gets a subflow node), checks that each flow validates and compiles among them, writes
 * them and prints the report (one line per file when there are several). Resolves to the exit code: 0 all written,
 * 1 some file not importable or not valid (the others are written), 2 bad usage.
 */
export async function runImportCommand(argv: readonly string[], host: ImportCommandHost): Promise<number> {
  const parsed = parseImportArgs(argv);
  if (typeof parsed === 'string') return usage(parsed, host);
  const files = await expandPaths(parsed.paths, host);
  if (files.length === 0) return usage(`no .json files in ${parsed.paths.join(', ')}`, host);
  if (parsed.out !== undefined && files.length > 1)
    return usage(`--out names one file, but ${files.length} files are imported; use --out-dir`, host);
  const total = files.length;
  const sources: ImportSource[] = [];
  const unreadable = new Map<string, string>();
  for (const file of files) {
    try {
      sources.push({ name: file, json: JSON.parse(await host.readText(file)) });
    } catch (error) {
      unreadable.set(file, `cannot read it as JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const batch = importFlows(sources, parsed.options);
  const failed = new Map([...unreadable, ...batch.failures.map((f) => [f.source, `${f.code}: ${f.message}`] as const)]);
  const written: { imported: ImportedFlow; out: string }[] = [];
  for (const [index, file] of files.entries()) {
    const progress = total > 1 ? `[${index + 1}/${total}] ${file}` : file;
    const imported = batch.flows.find((flow) => flow.source === file);
    if (imported === undefined) {
      host.err(`${progress}: ${failed.get(file) ?? 'not imported'}`);
      continue;
    }
    if (total === 1) for (const line of describeReport(imported.report)) host.out(line);
    const checked = checkImportedFlow(imported, batch.flows, host.registry);
    if (checked.errors.length > 0) {
      for (const issue of checked.errors) host.err(issueLine(issue));
      host.err(
        `${progress}: the imported flow does not validate or compile; nothing was written. Please report this with the source file.`,
      );
      failed.set(file, 'does not validate or compile');
      continue;
    }
    for (const issue of checked.warnings) host.out(`warning ${issueLine(issue)}`);
    const out = outPath(parsed, file, imported.flow.id);
    await host.writeText(out, `${JSON.stringify(imported.flow, null, 2)}\n`);
    written.push({ imported, out });
    host.out(total > 1 ? `${progress} → ${out}: ${summary(imported)}` : `Imported ${summary(imported)} → ${out}`);
    if (total > 1)
      for (const item of imported.report.filter((entry) => entry.severity === 'unsupported'))
        host.out(`    unsupported ${item.sourceRef}: ${item.message}`);
  }
  if (parsed.report !== undefined)
    await host.writeText(parsed.report, reportJson(total, written, failed, batch.publishOrder));
  if (total > 1) printBatchSummary(host, total, written, failed.size, batch.publishOrder);
  return failed.size === 0 ? 0 : 1;
}

/** The report as console lines: each item, then a count per severity. */
export function describeReport(report: readonly ImportReportItem[]): string[] {
  const counts = countSeverities(report);
  const lines = report.map((item) => `${item.severity.padEnd(11)} ${item.sourceRef}: ${item.message}`);
  lines.push(`${counts.unsupported} unsupported, ${counts.approximate} approximate, ${counts.info} info`);
  return lines;
}

function usage(problem: string, host: ImportCommandHost): number {
  host.err(`${problem}\n${IMPORT_USAGE}`);
  return 2;
}

// Folders become the .json exports under them (never flows this command wrote), in a stable order.
async function expandPaths(paths: readonly string[], host: ImportCommandHost): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const listed = await host.listJsonFiles(path);
    if (listed === undefined) files.push(path);
    else files.push(...listed.filter((file) => !file.endsWith('.omniflow.json')).toSorted());
  }
  return [...new Set(files)];
}

function issueLine(issue: FlowIssue): string {
  return `${issue.code} ${issue.pointer} ${issue.message}`;
}

function outPath(args: ImportArgs, file: string, id: string): string {
  if (args.out !== undefined) return args.out;
  if (args.outDir !== undefined) return `${args.outDir.replace(/[\\/]+$/, '')}/${id}.omniflow.json`;
  const index = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.json$/i, '') || 'imported-flow';
  return `${index < 0 ? '' : file.slice(0, index + 1)}${base}.omniflow.json`;
}

function summary(imported: ImportedFlow): string {
  const counts = countSeverities(imported.report);
  const kind = imported.format === 'connect' ? 'Amazon Connect' : 'Twilio Studio';
  return `${kind} flow "${imported.flow.name}": ${imported.flow.nodes.length} nodes (${counts.unsupported} unsupported, ${counts.approximate} approximate)`;
}

function countSeverities(report: readonly ImportReportItem[]): Record<ImportSeverity, number> {
  const counts: Record<ImportSeverity, number> = { info: 0, approximate: 0, unsupported: 0 };
  for (const item of report) counts[item.severity]++;
  return counts;
}

function printBatchSummary(
  host: ImportCommandHost,
  total: number,
  written: readonly { imported: ImportedFlow }[],
  failures: number,
  publishOrder: readonly string[],
): void {
  const order = publishOrder.filter((id) => written.some(({ imported }) => imported.flow.id === id));
  host.out(`Imported ${written.length} of ${total} files${failures > 0 ? `; ${failures} failed (named above)` : ''}.`);
  if (written.some(({ imported }) => imported.calls.length > 0))
    host.out(`Publish the called flows first, in this order: ${order.join(', ')}.`);
}

// One file: its report items (as before several files were possible); several: every file's outcome.
function reportJson(
  total: number,
  written: readonly { imported: ImportedFlow; out: string }[],
  failed: ReadonlyMap<string, string>,
  publishOrder: readonly string[],
): string {
  const [only] = written;
  const value =
    total === 1 && only !== undefined
      ? only.imported.report
      : {
          flows: written.map(({ imported, out }) => ({
            source: imported.source,
            id: imported.flow.id,
            format: imported.format,
            out,
            calls: imported.calls,
            report: imported.report,
          })),
          failures: [...failed].map(([source, reason]) => ({ source, reason })),
          publishOrder,
        };
  return `${JSON.stringify(value, null, 2)}\n`;
}
