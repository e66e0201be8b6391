import { validateFlow } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '../../builtInSpecs.ts';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';
import { checkNodeMigrations } from '../../testing/checkNodeMigrations.ts';
import { menuSpec } from './menuSpec.ts';

function menuFlow(extra: Record<string, unknown>) {
  return buildTestFlow([
    {
      id: 'main',
      type: 'menu',
      config: { prompt: en('Press 1 for balance.'), options: [{ key: '1', label: en('balance').text }], ...extra },
      to: { '1': 'bye', noInput: 'bye', noMatch: 'bye' },
    },
    { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') } },
  ]);
}

describe('menu spec', () => {
  it('migrates a version 1 menu to generated instructions, as it behaved before (issue 20)', () => {
    const v1 = { prompt: en('Main menu.'), options: [{ key: '1', label: { 'en-US': 'balance' } }], repeatKey: '*' };
    expect(checkNodeMigrations(menuSpec, [{ from: 1, config: v1, expected: { ...v1, instructions: 'auto' } }])).toEqual(
      [],
    );
  });

  it('accepts instructions turned off and custom instructions with their text', () => {
    expect(validateFlow(menuFlow({ instructions: 'off' }), builtInSpecCatalog()).issues).toEqual([]);
    expect(
      validateFlow(
        menuFlow({ instructions: 'custom', customInstructions: en('Or say balance.') }),
        builtInSpecCatalog(),
      ).issues,
    ).toEqual([]);
  });

  it('FLOW004: asks for the text of custom instructions', () => {
    const result = validateFlow(menuFlow({ instructions: 'custom' }), builtInSpecCatalog());
    expect(result.issues).toMatchObject([
      {
        code: 'FLOW004',
        nodeId: 'main',
        pointer: '/nodes/0/config/customInstructions',
        message: expect.stringMatching(/custom text/),
      },
    ]);
  });
});
