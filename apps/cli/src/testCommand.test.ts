import { describe, expect, it } from 'vitest';
import type { FlowTestCase } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import { fakeCliIo } from './fakeCliIo.ts';
import { runCli } from './omniflowCli.ts';

function flowWith(tests: FlowTestCase[]): string {
  const flow = buildTestFlow(
    [
      {
        id: 'menu',
        type: 'menu',
        config: { prompt: en('Main menu.'), options: [{ key: '1', label: { 'en-US': 'balance' } }] },
        to: { '1': 'bye', noInput: 'bye', noMatch: 'bye' },
      },
      { id: 'bye', type: 'end', config: { prompt: en('Goodbye & thanks.'), outcome: 'served' } },
    ],
    { tests },
  );
  return JSON.stringify(flow);
}

const passing: FlowTestCase = {
  id: 'ok',
  name: 'balance',
  steps: [{ choose: '1' }, { expectEnd: { outcome: 'served' } }],
};
const failing: FlowTestCase = {
  id: 'bad',
  name: 'says hello',
  channels: ['chat'],
  steps: [{ choose: '1' }, { expectPrompt: 'Hello <there>' }],
};

describe('omniflow test', () => {
  it('runs every test in the three channels, prints coverage and exits 0 when all pass', async () => {
    const io = fakeCliIo({ 'flow.json': flowWith([passing]) }, []);
    expect(await runCli(['test', 'flow.json'], io)).toBe(0);
    expect(io.out.filter((line) => line.startsWith('ok '))).toEqual(
      ['dtmf', 'voice', 'chat'].map((channel) => `ok   flow.json › balance [${channel}]`),
    );
    expect(io.out.at(-1)).toBe('flow.json: 3/3 passed; nodes covered 2/2; ports taken 1/3');
  });

  it('exits 1 on a failing test and writes JUnit XML with the failing step', async () => {
    const files: Record<string, string> = {
      'good.json': flowWith([passing]),
      'bad.json': flowWith([passing, failing]),
    };
    const io = fakeCliIo(files, []);
    expect(await runCli(['test', 'good.json', 'bad.json', '--junit', 'out.xml'], io)).toBe(1);
    expect(io.out).toContain(
      'FAIL bad.json › says hello [chat] at step 2 (node bye): expected a prompt containing "Hello <there>", but the flow said "Goodbye & thanks."',
    );
    const xml = files['out.xml'] ?? '';
    expect(xml).toContain('<testsuites name="omniflow" tests="7" failures="1">');
    expect(xml).toContain('<testsuite name="bad.json" tests="4" failures="1">');
    expect(xml).toContain(
      '<failure message="step 2 at node bye: expected a prompt containing &quot;Hello &lt;there&gt;&quot;',
    );
  });

  it('resolves subflow nodes among the flows named together', async () => {
    const child = buildTestFlow(
      [
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Really?'), variable: 'ok', slot: { type: 'yesNo' } },
          to: { next: 'done', noInput: 'done', noMatch: 'done' },
        },
        { id: 'done', type: 'end', config: { prompt: en('Child done.') } },
      ],
      {
        id: 'child',
        variables: [{ name: 'ok', type: 'boolean' }],
      },
    );
    const parent = buildTestFlow(
      [
        { id: 'sub', type: 'subflow', config: { flowId: 'child' }, to: { next: 'bye', error: 'bye' } },
        { id: 'bye', type: 'end', config: { prompt: en('Parent done.') } },
      ],
      {
        id: 'parent',
        tests: [
          {
            id: 'p',
            name: 'through the child',
            steps: [{ expectPrompt: 'Really?' }, { choose: 'yes' }, { expectPrompt: 'Parent done.' }],
          },
        ],
      },
    );
    const io = fakeCliIo({ 'parent.json': JSON.stringify(parent), 'child.json': JSON.stringify(child) }, []);
    expect(await runCli(['test', 'parent.json', 'child.json'], io)).toBe(0);
    expect(io.out).toContain(
      'child.json: no tests (add a "tests" array, or save a simulator conversation as a test in the designer)',
    );
    expect(await runCli(['test', 'parent.json'], io)).toBe(1);
  });

  it('fails a flow that does not compile and answers 2 to a bad option', async () => {
    const io = fakeCliIo({ 'broken.json': JSON.stringify({ ...JSON.parse(flowWith([])), start: 'nowhere' }) }, []);
    expect(await runCli(['test', 'broken.json'], io)).toBe(1);
    expect(io.out[0]).toMatch(/^broken\.json: FLOW006 error \/start/);
    expect(await runCli(['test', 'broken.json', '--channel', 'fax'], io)).toBe(2);
  });
});
