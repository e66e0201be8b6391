import { validateFlow } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '../../builtInSpecs.ts';
import { buildTestFlow, en } from '../../testing/buildTestFlow.ts';

function pinFlow(slotType: string) {
  return buildTestFlow(
    [
      {
        id: 'askPin',
        type: 'ask',
        config: { prompt: en('Your PIN?'), variable: 'pin', slot: { type: slotType, validate: 'len(value) == 4' } },
        to: { next: 'bye', noInput: 'bye', noMatch: 'bye' },
      },
      { id: 'bye', type: 'end', config: { prompt: en('Goodbye.') } },
    ],
    { variables: [{ name: 'pin', type: 'string', sensitive: true }] },
  );
}

describe('ask spec', () => {
  it('FLOW017: refuses a sensitive variable collected by speech', () => {
    const result = validateFlow(pinFlow('number'), builtInSpecCatalog());
    expect(result.issues).toMatchObject([
      {
        code: 'FLOW017',
        nodeId: 'askPin',
        pointer: '/nodes/0/config/slot/type',
        message: expect.stringMatching(/"pin" is sensitive.*"digits"/),
      },
    ]);
  });

  it('accepts a sensitive variable collected as keypad digits, whose validation reads the implicit value', () => {
    expect(validateFlow(pinFlow('digits'), builtInSpecCatalog()).issues).toEqual([]);
  });
});
