import { describe, expect, it } from 'vitest';
import { validateFlow, type FlowDocument } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { buildFormModel } from './formModel.ts';
import { createCatalog, localizedSpec, paletteGroups, specText } from './nodeCatalog.ts';

/** The catalog as the runtime serves it: JSON specs, no functions. */
const served = createCatalog(JSON.parse(JSON.stringify(builtInSpecs.map((definition) => definition.spec))));

const pinFlow: FlowDocument = {
  id: 'pin',
  name: 'PIN',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [{ name: 'pin', type: 'string', sensitive: true }],
  start: 'askPin',
  nodes: [
    {
      id: 'askPin',
      type: 'ask',
      config: { prompt: { text: { 'en-US': 'Your PIN?' } }, variable: 'pin', slot: { type: 'number' } },
    },
    { id: 'bye', type: 'end', config: {} },
  ],
  edges: ['next', 'noInput', 'noMatch'].map((port) => ({ source: 'askPin', port, target: 'bye' })),
};

describe('node catalog', () => {
  it("runs a built-in type's validation hook in the browser, though the served spec is JSON only", () => {
    expect(validateFlow(pinFlow, served.validation).issues.map((issue) => issue.code)).toEqual(['FLOW017']);
  });

  it('names node types in the UI language and finds them by that name', () => {
    const menu = served.byType.get('menu');
    expect(menu && specText(menu, 'ko').title).toBe(menu?.labels?.ko?.title);
    const found = paletteGroups(served, '语言', 'zh-CN').flatMap((group) => group.specs.map((spec) => spec.type));
    expect(found).toEqual(['language']);
  });

  it('titles palette categories in the UI language and finds types by the translated category (issue 20)', () => {
    const korean = paletteGroups(served, '', 'ko');
    expect(korean.map((group) => group.category)).toEqual(paletteGroups(served, '').map((group) => group.category));
    const conversation = korean.find((group) => group.category === 'Conversation');
    expect(conversation?.label).toBe(served.byType.get('menu')?.labels?.ko?.category);
    expect(conversation?.label).not.toBe('Conversation');
    const found = paletteGroups(served, conversation?.label ?? '?', 'ko').flatMap((group) => group.specs);
    expect(found).toEqual(expect.arrayContaining(conversation?.specs ?? []));
  });

  it('labels the inspector form and the fixed ports in the UI language, and leaves English as served', () => {
    const ask = served.byType.get('ask');
    if (ask === undefined) throw new Error('the served catalog lost ask');
    expect(localizedSpec(ask, 'en')).toBe(ask);
    const korean = localizedSpec(ask, 'ko');
    const variable = buildFormModel(korean).find((field) => field.pointer === '/variable');
    expect(variable?.label).toBe(ask.labels?.ko?.fields?.['/variable']?.label);
    expect(korean.ports.map((port) => port.label)).toEqual(
      ['next', 'noInput', 'noMatch'].map((name) => ask.labels?.ko?.ports?.[name]),
    );
  });
});
