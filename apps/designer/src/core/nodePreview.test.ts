import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { CURRENT_SCHEMA_VERSION } from '@omniflow/flow-schema';
import { nodePreview } from './nodePreview.ts';

function menuFlow(instructions: 'auto' | 'off'): FlowDocument {
  return {
    id: 'preview',
    name: 'Preview',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locales: ['en-US', 'zh-CN'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'main',
    nodes: [
      {
        id: 'main',
        type: 'menu',
        config: {
          prompt: { text: { 'en-US': 'Main menu.', 'zh-CN': '主菜单。' } },
          options: [{ key: '1', label: { 'en-US': 'balance', 'zh-CN': '余额查询' } }],
          instructions,
        },
      },
      { id: 'bye', type: 'end', config: {} },
    ],
    edges: [],
  };
}

describe('nodePreview', () => {
  it('shows the wording the engine adds on the keypad and by voice, in the chosen locale (issue 20)', () => {
    const preview = nodePreview(menuFlow('auto'), 'main', 'zh-CN');
    expect(preview.kind === 'channels' ? preview.channels.map((channel) => channel.text) : []).toEqual([
      '主菜单。余额查询请按1。',
      '主菜单。您可以说：余额查询。',
      '主菜单。',
    ]);
  });

  it("shows only the analyst's prompt once the instructions are off", () => {
    const preview = nodePreview(menuFlow('off'), 'main', 'en-US');
    expect(preview.kind === 'channels' ? preview.channels.map((channel) => channel.text) : []).toEqual([
      'Main menu.',
      'Main menu.',
      'Main menu.',
    ]);
  });

  it('previews nothing for a node that asks nothing', () => {
    expect(nodePreview(menuFlow('auto'), 'bye', 'en-US')).toEqual({ kind: 'none' });
  });
});
