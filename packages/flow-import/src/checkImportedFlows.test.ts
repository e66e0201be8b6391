import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { checkImportedFlows } from './checkImportedFlows.ts';
import { importFlows } from './importFlows.ts';

const child = {
  Version: '2019-10-30',
  StartAction: 'hi',
  Metadata: { name: 'Child', ActionMetadata: {} },
  Actions: [{ Identifier: 'hi', Type: 'MessageParticipant', Parameters: { Text: 'Hi.' }, Transitions: {} }],
};
const parent = {
  Version: '2019-10-30',
  StartAction: 'go',
  Metadata: { name: 'Parent', ActionMetadata: { go: { parameters: { ContactFlowId: { displayName: 'Child' } } } } },
  Actions: [{ Identifier: 'go', Type: 'TransferToFlow', Parameters: {}, Transitions: {} }],
};

describe('checkImportedFlows', () => {
  it('keeps flows that validate and compile together', () => {
    const batch = importFlows([
      { name: 'parent.json', json: parent },
      { name: 'child.json', json: child },
    ]);
    const checked = checkImportedFlows(batch.flows, createBuiltInRegistry());
    expect(checked.kept.map((flow) => flow.flow.id)).toEqual(['parent', 'child']);
    expect(checked.rejected).toEqual([]);
  });

  it('rejects a flow that does not compile, and the flows that call it', () => {
    const batch = importFlows([
      { name: 'parent.json', json: parent },
      { name: 'child.json', json: child },
    ]);
    const broken = batch.flows.find((flow) => flow.flow.id === 'child');
    if (broken === undefined) throw new Error('child was not imported');
    broken.flow.nodes.push({ id: 'odd', type: 'no-such-type', config: {} });
    const checked = checkImportedFlows(batch.flows, createBuiltInRegistry());
    expect(checked.kept).toEqual([]);
    expect(checked.rejected.map((r) => [r.imported.flow.id, r.issues[0]?.code])).toEqual([
      ['parent', 'ENGINE004'],
      ['child', 'FLOW003'],
    ]);
  });
});
