import { describe, expect, it } from 'vitest';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import { fakeCliIo as fakeIo } from './fakeCliIo.ts';
import { runCli } from './omniflowCli.ts';

const flow = buildTestFlow([
  {
    id: 'menu',
    type: 'menu',
    config: { prompt: en('Menu.'), options: [{ key: '1', label: { 'en-US': 'balance' } }] },
    to: { '1': 'bye', noInput: 'bye', noMatch: 'bye' },
  },
  { id: 'bye', type: 'end', config: { prompt: en('Bye.') } },
]);

describe('omniflow CLI', () => {
  it('validate prints one problem per line and exits 1 on an invalid flow', async () => {
    const broken = { ...flow, start: 'nowhere' };
    const io = fakeIo({ 'bad.json': JSON.stringify(broken), 'good.json': JSON.stringify(flow) }, []);
    expect(await runCli(['validate', 'bad.json'], io)).toBe(1);
    expect(io.out.length).toBeGreaterThan(0);
    for (const line of io.out) expect(line).toMatch(/^FLOW\d{3} (error|warning) \/\S* .+/);
    expect(await runCli(['validate', 'good.json'], io)).toBe(0);
    expect(await runCli(['validate', 'missing.json'], io)).toBe(1);
  });

  it('validate and simulate resolve subflows among the files named, so what validates runs (#15)', async () => {
    const child = buildTestFlow([{ id: 'hi', type: 'end', config: { prompt: en('Child speaking.') } }], {
      id: 'child',
    });
    const parent = buildTestFlow(
      [
        { id: 'call', type: 'subflow', config: { flowId: 'child' }, to: { next: 'bye', error: 'bye' } },
        { id: 'bye', type: 'end', config: { prompt: en('Parent again.') } },
      ],
      { id: 'parent' },
    );
    const files = { 'parent.json': JSON.stringify(parent), 'child.json': JSON.stringify(child) };
    const alone = fakeIo(files, []);
    expect(await runCli(['validate', 'parent.json'], alone)).toBe(1);
    expect(alone.out).toEqual([expect.stringMatching(/^FLOW022 error \/nodes\/\d+\/config\/flowId flow "child"/)]);
    expect(await runCli(['simulate', 'parent.json', '--channel', 'chat'], alone)).toBe(1);
    const together = fakeIo(files, []);
    expect(await runCli(['validate', 'parent.json', 'child.json'], together)).toBe(0);
    expect(await runCli(['simulate', 'parent.json', 'child.json', '--channel', 'chat'], together)).toBe(0);
    expect(together.out.join('\n')).toMatch(/Child speaking\..*Parent again\./s);
  });

  it('simulate prints every output as a JSON line, treating an empty line as no input', async () => {
    const io = fakeIo({ 'flow.json': JSON.stringify(flow) }, ['', '1', 'ignored after the end']);
    expect(await runCli(['simulate', 'flow.json', '--channel', 'dtmf'], io)).toBe(0);
    const outputs: unknown[] = io.out.map((line) => JSON.parse(line));
    expect(outputs).toContainEqual(expect.objectContaining({ type: 'say', text: 'Bye.' }));
    expect(outputs.at(-1)).toMatchObject({ type: 'end', reason: 'completed' });
    expect(outputs.filter((output) => JSON.stringify(output).includes('"prompt"')).length).toBe(2);
  });

  it('analyze answers one JSON line per input line with sentiment and redaction, and names a bad line', async () => {
    const lines = [
      JSON.stringify({ text: 'My card 4111 1111 1111 1111 was stolen and I am furious', locale: 'en' }),
      '',
      JSON.stringify({ text: '谢谢，服务很好', locale: 'zh-CN' }),
      'not json',
    ];
    const io = fakeIo({ 'turns.jsonl': lines.join('\n') }, []);
    expect(await runCli(['analyze', 'turns.jsonl'], io)).toBe(1);
    const results: unknown[] = io.out.map((line) => JSON.parse(line));
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      label: 'negative',
      redacted: expect.stringContaining('[CARD]'),
      entities: [{ type: 'card', start: 8, end: 27 }],
    });
    expect(results[0]).not.toMatchObject({ redacted: expect.stringContaining('4111') });
    expect(results[1]).toMatchObject({ label: 'positive', entities: [] });
    expect(io.err).toEqual([expect.stringMatching(/^turns\.jsonl:4: not JSON/)]);
  });

  it('explains usage for an unknown command', async () => {
    const io = fakeIo({}, []);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('pnpm omniflow simulate');
  });
});
