import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { flowTestFixture } from './flowTestFixture.ts';
import { runFlowSuite } from './runFlowSuite.ts';
import { suggestFlowTests } from './suggestFlowTests.ts';

const registry = createBuiltInRegistry();

describe('suggestFlowTests', () => {
  it('proposes a passing test for the end node the suite misses, reusing its answers and mocking the port', async () => {
    const flow = flowTestFixture();
    const result = await runFlowSuite(flow, { registry });
    if (!result.ok) throw new Error('the fixture does not compile');
    const suggestions = suggestFlowTests(flow, registry, result.report);
    expect(suggestions.map((suggestion) => [suggestion.nodeId, suggestion.complete])).toEqual([['cancelled', true]]);
    const [suggestion] = suggestions;
    if (suggestion === undefined) return;
    expect(suggestion.test.mocks).toEqual({ find: { port: 'cancelled' } });
    const rerun = await runFlowSuite(flow, { registry, tests: [suggestion.test] });
    expect(rerun.ok && rerun.report.runs.map((run) => run.message ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
  });

  it('proposes one test per terminal node without a suite, marking answers it cannot know', () => {
    const suggestions = suggestFlowTests({ ...flowTestFixture(), tests: [] }, registry);
    expect(suggestions.map((suggestion) => `${suggestion.nodeId}:${suggestion.complete}`)).toEqual([
      'found:false',
      'cancelled:false',
      'agent:true',
    ]);
    expect(suggestions.at(-1)?.test.steps).toEqual([
      { choose: '2' },
      { expectNode: 'agent' },
      { expectTransfer: { queue: 'bookings' } },
    ]);
  });
});
