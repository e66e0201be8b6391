import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES, flowAjv } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { builtInSpecs } from './builtInSpecs.ts';
import { createBuiltInRegistry } from './nodeTypes/createBuiltInRegistry.ts';

/** Every file the module at `path` imports, following relative imports, plus the bare packages it names. */
function importGraph(path: string, files = new Set<string>(), packages = new Set<string>()): { files: Set<string>; packages: Set<string> } {
  if (files.has(path)) return { files, packages };
  files.add(path);
  for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
    if (specifier === undefined) continue;
    if (specifier.startsWith('.')) importGraph(resolve(dirname(path), specifier), files, packages);
    else packages.add(specifier);
  }
  return { files, packages };
}

describe('the specs entry point', () => {
  it('imports no runtime code, so the designer can bundle it', () => {
    const { files, packages } = importGraph(fileURLToPath(new URL('./builtInSpecs.ts', import.meta.url)));
    expect([...packages].toSorted()).toEqual(['@omniflow/flow-schema', 'typebox']);
    expect([...files].filter((file) => !/(Spec|nodeSchemaParts|builtInSpecs)\.ts$/.test(file))).toEqual([]);
  });

  it('lists the same types as the built-in registry, with the same specs', () => {
    const registry = createBuiltInRegistry();
    expect(builtInSpecs.map((definition) => registry.get(definition.spec.type)?.spec)).toEqual(builtInSpecs.map((definition) => definition.spec));
    expect(registry.specs().map((spec) => spec.type)).toEqual(builtInSpecs.map((definition) => definition.spec.type));
  });

  const cases = builtInSpecs.map(({ spec }) => ({ type: spec.type, spec }));

  it.each(cases)('$type has a config schema ajv compiles', ({ spec }) => {
    expect(() => flowAjv().compile(spec.configSchema)).not.toThrow();
  });

  it.each(cases)('$type labels its fields and fixed ports in en, zh-CN and ko', ({ spec }) => {
    const fixedPorts = spec.ports.flatMap((port) => ('name' in port ? [port.name] : []));
    const labelled = UI_LANGUAGES.map((language) => {
      const labels = spec.labels?.[language];
      return { language, titled: Boolean(labels?.title), fields: Object.keys(labels?.fields ?? {}).toSorted(), ports: Object.keys(labels?.ports ?? {}).toSorted() };
    });
    const expected = { titled: true, fields: Object.keys(spec.ui ?? {}).toSorted(), ports: fixedPorts.toSorted() };
    expect(labelled).toEqual(UI_LANGUAGES.map((language) => ({ language, ...expected })));
  });
});
