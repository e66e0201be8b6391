import type { FlowSuiteResult } from '@omniflow/flow-engine';

/**
 * JUnit XML for CI: one `testsuite` per flow file, one `testcase` per test and channel (`name [channel]`), a
 * `failure` with the failing step's message; a flow that cannot run is one failing case of its own.
 */
export function flowSuitesJunit(results: readonly { file: string; result: FlowSuiteResult | null }[]): string {
  const suites = results.map(({ file, result }) => {
    if (result === null || !result.ok) {
      const message =
        result === null
          ? 'the file cannot be read as JSON'
          : result.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`).join('\n');
      return suite(file, 1, 1, [testCase(file, 'flow compiles', 'the flow does not compile', message)]);
    }
    const cases = result.report.runs.map((run) => {
      const name = `${run.name} [${run.channel}]`;
      if (run.passed) return testCase(file, name);
      const step =
        run.failedStep === undefined || run.failedStep < 0
          ? ''
          : `step ${run.failedStep + 1}${run.failedNodeId ? ` at node ${run.failedNodeId}` : ''}: `;
      const transcript = run.transcript
        .map((entry) => `${entry.from}${entry.nodeId ? ` @${entry.nodeId}` : ''}: ${entry.text}`)
        .join('\n');
      return testCase(file, name, `${step}${run.message ?? 'failed'}`, transcript);
    });
    return suite(file, result.report.total, result.report.failed, cases);
  });
  const tests = results.reduce((sum, { result }) => sum + (result?.ok ? result.report.total : 1), 0);
  const failures = results.reduce((sum, { result }) => sum + (result?.ok ? result.report.failed : 1), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="omniflow" tests="${tests}" failures="${failures}">\n${suites.join('')}</testsuites>\n`;
}

function suite(file: string, tests: number, failures: number, cases: readonly string[]): string {
  return `  <testsuite name="${escapeXml(file)}" tests="${tests}" failures="${failures}">\n${cases.join('')}  </testsuite>\n`;
}

function testCase(file: string, name: string, failure?: string, details?: string): string {
  const open = `    <testcase classname="${escapeXml(file)}" name="${escapeXml(name)}"`;
  if (failure === undefined) return `${open}/>\n`;
  return `${open}>\n      <failure message="${escapeXml(failure)}">${escapeXml(details ?? '')}</failure>\n    </testcase>\n`;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
