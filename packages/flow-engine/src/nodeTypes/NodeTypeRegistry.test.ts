import { describe, expect, it } from 'vitest';
import { buildTestFlow, en, startTestSession } from '../testing/index.ts';
import { createBuiltInRegistry } from './createBuiltInRegistry.ts';
import { defineNodeType } from './defineNodeType.ts';
import type { NodeHandler } from './handlerTypes.ts';

const probeNode = defineNodeType({
  spec: {
    type: 'test.probe',
    version: 1,
    title: 'Probe',
    description: 'Reports whether it was given a fetch.',
    category: 'test',
    icon: '?',
    behaviour: 'async',
    configSchema: { type: 'object' },
    defaults: {},
    ports: [{ name: 'success' }, { name: 'error' }, { name: 'timeout' }],
    secrets: ['PROBE_KEY'],
  },
  handler: async (args) => ({ port: args.fetch ? 'success' : 'error' }),
});

const flowWith = (type: string, config: Record<string, unknown>) =>
  buildTestFlow([
    { id: 'start', type: 'start', to: { next: 'call' } },
    { id: 'call', type, config, to: { success: 'ok', error: 'failed', timeout: 'failed' } },
    { id: 'ok', type: 'end', config: { prompt: en('Decorated.') } },
    { id: 'failed', type: 'end', config: { prompt: en('Not decorated.') } },
  ]);

describe('NodeTypeRegistry.decorateHandlers (issue 14)', () => {
  it('wraps types registered before and after, handing each wrapper the spec', async () => {
    const specs: string[] = [];
    const injectFetch = (spec: { type: string; secrets?: string[] }, handler: NodeHandler): NodeHandler => {
      specs.push(`${spec.type}:${(spec.secrets ?? []).join(',')}`);
      return (args) => handler({ ...args, fetch: async () => new Response('{"greeting":"hi"}', { status: 200 }) });
    };
    const registry = createBuiltInRegistry().decorateHandlers(injectFetch).register(probeNode);
    await startTestSession(flowWith('test.probe', {}), 'chat', { registry }).expectPrompt('Decorated.');
    expect(specs).toContain('test.probe:PROBE_KEY');
  });

  it('makes the http node send through the injected fetch', async () => {
    const sent: string[] = [];
    const registry = createBuiltInRegistry().decorateHandlers(
      (_spec, handler) => (args) =>
        handler({
          ...args,
          fetch: async (input) => {
            sent.push(String(input));
            return new Response('{}', { status: 200 });
          },
        }),
    );
    await startTestSession(
      flowWith('http', { method: 'GET', url: 'https://api.example/x', responseMapping: [] }),
      'chat',
      { registry },
    ).expectPrompt('Decorated.');
    expect(sent).toEqual(['https://api.example/x']);
  });

  it('decorates once', () => {
    const registry = createBuiltInRegistry().decorateHandlers((_spec, handler) => handler);
    expect(() => registry.decorateHandlers((_spec, handler) => handler)).toThrow(/decorated once/);
  });
});
