import { fileURLToPath } from 'node:url';
import { CHANNELS } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { importGraph } from '../testing/importGraph.ts';
import { startTestSession } from '../testing/startTestSession.ts';
import { previewNodePrompts } from './previewNodePrompts.ts';

const flow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'main' } },
    {
      id: 'main',
      type: 'menu',
      config: {
        prompt: { text: { 'en-US': 'Main menu.', 'ko-KR': '주 메뉴입니다.' } },
        options: [
          { key: '1', label: { 'en-US': 'balance', 'ko-KR': '잔액' } },
          { key: '2', label: { 'en-US': 'cards', 'ko-KR': '카드' } },
        ],
        repeatKey: '*',
      },
      to: { '1': 'bye', '2': 'bye', noInput: 'bye', noMatch: 'bye' },
    },
    { id: 'bye', type: 'end', config: { prompt: { text: { 'en-US': 'Goodbye.', 'ko-KR': '안녕히 가세요.' } } } },
  ],
  { locales: ['en-US', 'ko-KR'] },
);

describe('previewNodePrompts', () => {
  it.each(CHANNELS)('previews exactly what a %s call hears or sees at the node', async (channel) => {
    const preview = previewNodePrompts(flow, 'main');
    expect(Array.isArray(preview)).toBe(true);
    const mine = Array.isArray(preview) ? preview.find((entry) => entry.channel === channel) : undefined;
    await startTestSession(flow, channel).check(`says ${JSON.stringify(mine)}`, (state) => {
      const said = state.last.outputs.flatMap((output) => (output.type === 'say' ? [output.text] : [])).join(' ');
      const choices = state.last.outputs.flatMap((output) =>
        output.type === 'prompt' ? (output.expect.choices ?? []).map((choice) => choice.label) : [],
      );
      return mine !== undefined && said === mine.text && JSON.stringify(choices) === JSON.stringify(mine.choices);
    });
  });

  it("shows each channel's own wording, only in its own locale (issue 20, point 8)", () => {
    const prompted = {
      ...flow,
      nodes: flow.nodes.map((node) =>
        node.id === 'main'
          ? {
              ...node,
              config: {
                ...node.config,
                instructions: 'off',
                prompt: {
                  text: { 'en-US': 'Main menu.', 'ko-KR': '주 메뉴입니다.' },
                  channels: {
                    chat: { text: { 'en-US': 'Pick one:' } },
                    dtmf: { text: { 'en-US': 'Use your keypad.' } },
                  },
                },
              },
            }
          : node,
      ),
    };
    expect(previewNodePrompts(prompted, 'main')).toEqual([
      { channel: 'dtmf', text: 'Use your keypad.', choices: [] },
      { channel: 'voice', text: 'Main menu.', choices: [] },
      { channel: 'chat', text: 'Pick one:', choices: ['balance', 'cards'] },
    ]);
    expect(previewNodePrompts(prompted, 'main', { locale: 'ko-KR' })).toEqual([
      { channel: 'dtmf', text: '주 메뉴입니다.', choices: [] },
      { channel: 'voice', text: '주 메뉴입니다.', choices: [] },
      { channel: 'chat', text: '주 메뉴입니다.', choices: ['잔액', '카드'] },
    ]);
  });

  it("follows the locale and the menu's instructions setting (issue 20)", () => {
    expect(previewNodePrompts(flow, 'main', { locale: 'ko-KR' })).toMatchObject([
      { channel: 'dtmf', text: expect.stringContaining('잔액은 1번을 누르세요.') },
      {},
      { channel: 'chat', choices: ['잔액', '카드'] },
    ]);
    const off = {
      ...flow,
      nodes: flow.nodes.map((node) =>
        node.id === 'main' ? { ...node, config: { ...node.config, instructions: 'off' } } : node,
      ),
    };
    expect(previewNodePrompts(off, 'main')).toEqual([
      { channel: 'dtmf', text: 'Main menu.', choices: [] },
      { channel: 'voice', text: 'Main menu.', choices: [] },
      { channel: 'chat', text: 'Main menu.', choices: ['balance', 'cards'] },
    ]);
  });

  it('previews nothing for a node that asks nothing, and reports a config it cannot render', () => {
    expect(previewNodePrompts(flow, 'bye')).toBeNull();
    const broken = {
      ...flow,
      nodes: flow.nodes.map((node) => (node.id === 'main' ? { ...node, config: { prompt: en('Main menu.') } } : node)),
    };
    expect(previewNodePrompts(broken, 'main')).toMatchObject({ error: expect.any(String) });
  });

  it('imports no state machine and no server code, so the designer can bundle it', () => {
    const { files, packages } = importGraph(fileURLToPath(new URL('./previewNodePrompts.ts', import.meta.url)));
    expect([...packages].toSorted()).toEqual(['@omniflow/flow-schema', 'typebox']);
    expect([...files].filter((file) => /session|compile|FlowSession/.test(file))).toEqual([]);
  });
});
