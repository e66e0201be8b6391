import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../flowDocument.ts';
import { validateFlow } from '../validation/validateFlow.ts';
import { testCatalog } from '../validation/validationFixtures.ts';
import { FLOW_MIGRATIONS, migrateFlow } from './migrateFlow.ts';
import { migrateV0ToV1 } from './migrateV0ToV1.ts';
import type { FlowV0 } from './migrateV0ToV1.ts';

function v0Flow(): FlowV0 {
  return {
    id: 'legacy',
    name: 'Legacy menu',
    schemaVersion: 0,
    locale: 'en-US',
    variables: [{ name: 'pin', type: 'string', sensitive: true }],
    start: 'start',
    nodes: [
      { id: 'start', type: 'start', config: {} },
      {
        id: 'menu',
        type: 'menu',
        config: {
          prompt: 'Press 1 to set a PIN.',
          options: [{ key: '1', label: 'pin', synonyms: ['new pin'] }],
          noMatch: { maxRetries: 1, reprompts: ['Sorry?'] },
        },
      },
      { id: 'askPin', type: 'ask', config: { prompt: 'Your new PIN?', variable: 'pin', slot: { type: 'digits' } } },
      { id: 'bye', type: 'end', config: { prompt: 'Goodbye.' } },
    ],
    edges: [
      { from: 'start', outcome: 'next', to: 'menu' },
      { from: 'menu', outcome: '1', to: 'askPin' },
      { from: 'menu', outcome: 'noInput', to: 'bye' },
      { from: 'menu', outcome: 'noMatch', to: 'bye' },
      { from: 'askPin', outcome: 'next', to: 'bye' },
      { from: 'askPin', outcome: 'noInput', to: 'bye' },
      { from: 'askPin', outcome: 'noMatch', to: 'bye' },
    ],
    globalIntents: [{ id: 'agent', phrases: ['agent'], target: 'bye' }],
  };
}

describe('migrateV0ToV1', () => {
  it('localizes prompts, labels and phrases and renames edge fields', () => {
    const up = migrateV0ToV1.up({ ...v0Flow() });
    expect(up).toMatchObject({
      schemaVersion: 1,
      locales: ['en-US'],
      defaultLocale: 'en-US',
      edges: expect.arrayContaining([{ source: 'menu', port: '1', target: 'askPin' }]),
      globalIntents: [{ phrases: { 'en-US': ['agent'] } }],
    });
    expect(up).not.toHaveProperty('locale');
    const menu = Array.isArray(up['nodes']) ? up['nodes'][1] : undefined;
    expect(menu).toMatchObject({
      config: {
        prompt: { text: { 'en-US': 'Press 1 to set a PIN.' } },
        options: [{ label: { 'en-US': 'pin' }, synonyms: { 'en-US': ['new pin'] } }],
        noMatch: { reprompts: [{ text: { 'en-US': 'Sorry?' } }] },
      },
    });
  });

  it('round-trips a v0 flow through up and down', () => {
    expect(migrateV0ToV1.down(migrateV0ToV1.up({ ...v0Flow() }))).toEqual(v0Flow());
  });

  it('keeps only the default locale when going down', () => {
    const down = migrateV0ToV1.down({
      schemaVersion: 1,
      locales: ['en-US', 'zh-CN'],
      defaultLocale: 'zh-CN',
      nodes: [{ id: 'm', type: 'message', config: { prompt: { text: { 'en-US': 'Hi', 'zh-CN': '你好' } } } }],
      edges: [{ id: 'e1', source: 'm', port: 'next', target: 'm' }],
    });
    expect(down).toEqual({
      schemaVersion: 0,
      locale: 'zh-CN',
      nodes: [{ id: 'm', type: 'message', config: { prompt: '你好' } }],
      edges: [{ from: 'm', outcome: 'next', to: 'm' }],
    });
  });

  it('passes malformed parts through instead of throwing', () => {
    expect(() =>
      migrateV0ToV1.up({
        schemaVersion: 0,
        nodes: [1, null, { config: 'x' }],
        edges: 'none',
        globalIntents: [{ phrases: 3 }],
      }),
    ).not.toThrow();
  });
});

describe('migrateFlow', () => {
  it('has one migration per schema version up to the current one', () => {
    expect(FLOW_MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('brings a v0 flow to a document validateFlow accepts', () => {
    const migrated = migrateFlow(v0Flow());
    expect(migrated).toMatchObject({ ok: true, migratedFrom: 0 });
    const result = validateFlow(v0Flow(), testCatalog());
    expect(result.issues).toEqual([]);
    expect(result.ok && result.flow.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('leaves a current flow as it is', () => {
    const flow = { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'x' };
    expect(migrateFlow(flow)).toEqual({ ok: true, flow, migratedFrom: CURRENT_SCHEMA_VERSION });
  });

  it.each([
    [CURRENT_SCHEMA_VERSION + 1, /newer Omniflow/],
    ['1', /whole number/],
    [-1, /whole number/],
    [undefined, /whole number/],
  ])('refuses schemaVersion %j with FLOW002', (schemaVersion, message) => {
    expect(migrateFlow({ schemaVersion })).toMatchObject({
      ok: false,
      issues: [{ code: 'FLOW002', pointer: '/schemaVersion', message: expect.stringMatching(message) }],
    });
  });
});
