import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { runFlowSuite } from '@omniflow/flow-engine';
import { exampleFlows } from './exampleFlows.ts';
import { createExampleRegistry } from './exampleHarness.ts';

// Issue #21: every example flow carries a conversation suite that passes and reaches every node in every channel.
describe('example flow suites', () => {
  const { registry } = createExampleRegistry();
  for (const example of exampleFlows) {
    it(`${example.file}: its suite passes in dtmf, voice and chat and visits every node in each`, async () => {
      const result = await runFlowSuite(example.flow, { registry });
      if (!result.ok) throw new Error(`${example.file} does not compile: ${JSON.stringify(result.issues)}`);
      const failures = result.report.runs
        .filter((run) => !run.passed)
        .map((run) => `${run.testId} [${run.channel}] step ${run.failedStep}: ${run.message}`);
      expect(failures).toEqual([]);
      for (const channel of CHANNELS) {
        const visited = new Set(
          result.report.runs.filter((run) => run.channel === channel).flatMap((run) => run.coverage.nodes),
        );
        const missed = result.report.coverage.nodes
          .concat(result.report.coverage.uncoveredNodes)
          .filter((id) => !visited.has(id));
        expect(missed, `${example.file} nodes no ${channel} test visits`).toEqual([]);
      }
    });
  }
});
