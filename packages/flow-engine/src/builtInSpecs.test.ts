import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES, flowAjv } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { builtInSpecs } from './builtInSpecs.ts';
import { createBuiltInRegistry } from './nodeTypes/createBuiltInRegistry.ts';
import { checkNodeMigrations } from './testing/checkNodeMigrations.ts';
import { importGraph } from './testing/importGraph.ts';

describe('the specs entry point', () => {
  it('imports no runtime code, so the designer can bundle it', () => {
    const { files, packages } = importGraph(fileURLToPath(new URL('./builtInSpecs.ts', import.meta.url)));
    expect([...packages].toSorted()).toEqual(['@omniflow/flow-schema', 'typebox']);
    expect([...files].filter((file) => !/(Spec|Migration|nodeSchemaParts|builtInSpecs)\.ts$/.test(file))).toEqual([]);
  });

  it('lists the same types as the built-in registry, with the same specs', () => {
    const registry = createBuiltInRegistry();
    expect(builtInSpecs.map((definition) => registry.get(definition.spec.type)?.spec)).toEqual(
      builtInSpecs.map((definition) => definition.spec),
    );
    expect(registry.specs().map((spec) => spec.type)).toEqual(builtInSpecs.map((definition) => definition.spec.type));
  });

  const cases = builtInSpecs.map(({ spec }) => ({ type: spec.type, spec }));

  it.each(cases)('$type has a config schema ajv compiles', ({ spec }) => {
    expect(() => flowAjv().compile(spec.configSchema)).not.toThrow();
  });

  it.each(builtInSpecs.map((definition) => ({ type: definition.spec.type, definition })))(
    '$type passes the migration harness',
    ({ definition }) => {
      expect(checkNodeMigrations(definition)).toEqual([]);
    },
  );

  it.each(cases)('$type labels its fields and fixed ports in en, zh-CN and ko', ({ spec }) => {
    const fixedPorts = spec.ports.flatMap((port) => ('name' in port ? [port.name] : []));
    const labelled = UI_LANGUAGES.map((language) => {
      const labels = spec.labels?.[language];
      return {
        language,
        titled: Boolean(labels?.title),
        fields: Object.keys(labels?.fields ?? {}).toSorted(),
        ports: Object.keys(labels?.ports ?? {}).toSorted(),
      };
    });
    const expected = { titled: true, fields: Object.keys(spec.ui ?? {}).toSorted(), ports: fixedPorts.toSorted() };
    expect(labelled).toEqual(UI_LANGUAGES.map((language) => ({ language, ...expected })));
  });
});
