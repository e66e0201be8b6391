import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliRegistry } from './loadCliRegistry.ts';

const flightsPack = fileURLToPath(new URL('../../../examples/handlers/flightsPack.ts', import.meta.url));

describe('loadCliRegistry', () => {
  it('has the built-in node types and the banking pack without any setting', async () => {
    const registry = await loadCliRegistry({}, () => undefined);
    expect(registry.get('menu')).toBeDefined();
    expect(registry.get('banking.activateCard')).toBeDefined();
  });

  it('adds the packs OMNIFLOW_PLUGINS names by path and reports one that does not load', async () => {
    const errors: string[] = [];
    const registry = await loadCliRegistry(
      { OMNIFLOW_PLUGINS: `@omniflow/plugin-banking, ${flightsPack}, @omniflow/no-such-pack` },
      (line) => errors.push(line),
    );
    expect(registry.handlerNames()).toContain('flights.rebook');
    expect(errors).toEqual([expect.stringContaining('@omniflow/no-such-pack')]);
  });
});
