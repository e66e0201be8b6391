import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from './createBuiltInRegistry.ts';
import { loadPluginPacks } from './loadPluginPacks.ts';

const handlerPack = {
  name: 'greetings',
  definitions: [],
  handlers: { 'greetings.hello': async () => ({ port: 'success' }) },
};
const modules: Record<string, unknown> = {
  'greetings-pack': { handlerPack },
  'split-pack/handlers': {
    handlerPack: {
      ...handlerPack,
      name: 'split',
      handlers: { 'split.hello': handlerPack.handlers['greetings.hello'] },
    },
  },
  'empty-module': { somethingElse: 1 },
};
const importModule = async (specifier: string): Promise<unknown> => {
  if (!(specifier in modules)) throw new Error(`Cannot find module '${specifier}'`);
  return modules[specifier];
};

describe('loadPluginPacks', () => {
  it('registers named handlers of a pack, finds a split pack under /handlers and reports the rest by module name', async () => {
    const registry = createBuiltInRegistry();
    const report = await loadPluginPacks(
      ['greetings-pack', 'split-pack', 'empty-module', 'missing', 'greetings-pack'],
      registry,
      importModule,
    );
    expect(registry.handlerNames().toSorted()).toEqual(['greetings.hello', 'split.hello']);
    expect(report.loaded.map((pack) => [pack.module, pack.handlers])).toEqual([
      ['greetings-pack', ['greetings.hello']],
      ['split-pack', ['split.hello']],
    ]);
    expect(report.failed).toEqual([
      { module: 'empty-module', error: expect.stringMatching(/no plugin pack/) },
      { module: 'missing', error: expect.stringMatching(/Cannot find module 'missing'/) },
      { module: 'greetings-pack', error: expect.stringMatching(/handler "greetings.hello" is already registered/) },
    ]);
  });
});
