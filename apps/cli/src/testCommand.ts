import { CHANNELS, type Channel } from '@omniflow/flow-schema';
import { runFlowSuite, type FlowSuiteResult } from '@omniflow/flow-engine';
import type { CliCommand, CliIo } from './cliCommand.ts';
import { flowSuitesJunit } from './flowSuitesJunit.ts';
import { flowsByIdOf } from './flowsByIdOf.ts';
import { readJsonFile } from './readJsonFile.ts';

/**
 * `omniflow test <flow.json>… [--channel c] [--junit out.xml]`: runs each flow's conversation tests in every
 * channel (subflows resolved among the files named), prints one line per test and channel and the coverage, writes
 * JUnit XML on request; exit 1 on a failure.
 */
export const testCommand: CliCommand = {
  name: 'test',
  usage: 'test <flow.json>… [--channel dtmf|voice|chat] [--junit out.xml]',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.stderr(`${parsed}\nusage: omniflow ${this.usage}`);
      return 2;
    }
    const registry = await io.registry();
    const documents = await Promise.all(
      parsed.files.map(async (file) => ({ file, json: await readJsonFile(file, io) })),
    );
    // Flows named together resolve each other's subflow nodes, as published flows do in the runtime.
    const byId = flowsByIdOf(
      documents.flatMap(({ json }) => (json.ok ? [json.value] : [])),
      registry.catalog(),
    );
    const results: { file: string; result: FlowSuiteResult | null }[] = [];
    for (const { file, json } of documents) {
      const options = {
        registry,
        channels: parsed.channels,
        secrets: (name: string) => io.env[name],
        resolveFlow: (id: string) => byId.get(id),
      };
      const result = json.ok ? await runFlowSuite(json.value, options) : null;
      if (result !== null) printResult(file, result, io);
      results.push({ file, result });
    }
    if (parsed.junit !== undefined) await io.writeFile(parsed.junit, flowSuitesJunit(results));
    const failed = results.filter(({ result }) => result === null || !result.ok || !result.report.passed);
    io.stderr(
      failed.length === 0
        ? `${results.length} flow(s): all tests passed`
        : `${failed.length} of ${results.length} flow(s) failed: ${failed.map(({ file }) => file).join(', ')}`,
    );
    return failed.length === 0 ? 0 : 1;
  },
};

function printResult(file: string, result: FlowSuiteResult, io: CliIo): void {
  if (!result.ok) {
    for (const issue of result.issues)
      io.stdout(`${file}: ${issue.code} ${issue.severity} ${issue.pointer || '/'} ${issue.message}`);
    return;
  }
  const { report } = result;
  if (report.total === 0)
    io.stdout(`${file}: no tests (add a "tests" array, or save a simulator conversation as a test in the designer)`);
  for (const run of report.runs) {
    const where =
      run.failedStep === undefined || run.failedStep < 0
        ? ''
        : ` at step ${run.failedStep + 1}${run.failedNodeId ? ` (node ${run.failedNodeId})` : ''}`;
    io.stdout(
      run.passed
        ? `ok   ${file} › ${run.name} [${run.channel}]`
        : `FAIL ${file} › ${run.name} [${run.channel}]${where}: ${run.message ?? 'failed'}`,
    );
  }
  const { coverage } = report;
  const nodes = `${coverage.nodes.length}/${coverage.nodes.length + coverage.uncoveredNodes.length}`;
  const ports = `${coverage.ports.length}/${coverage.ports.length + coverage.uncoveredPorts.length}`;
  const missing = coverage.uncoveredNodes.length > 0 ? ` (not reached: ${coverage.uncoveredNodes.join(', ')})` : '';
  io.stdout(
    `${file}: ${report.total - report.failed}/${report.total} passed; nodes covered ${nodes}${missing}; ports taken ${ports}`,
  );
}

function parseArgs(args: readonly string[]): { files: string[]; channels: Channel[]; junit?: string } | string {
  const files: string[] = [];
  const channels: Channel[] = [];
  let junit: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--junit' || arg === '--channel') {
      const value = args[i + 1];
      i += 1;
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--junit') junit = value;
      else {
        const channel = CHANNELS.find((candidate) => candidate === value);
        if (channel === undefined) return `unknown channel "${value}" (use ${CHANNELS.join(', ')})`;
        channels.push(channel);
      }
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'name at least one flow file';
  return junit === undefined
    ? { files, channels: channels.length > 0 ? channels : [...CHANNELS] }
    : { files, channels: channels.length > 0 ? channels : [...CHANNELS], junit };
}
