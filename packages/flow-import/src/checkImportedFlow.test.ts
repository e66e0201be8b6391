import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { checkImportedFlow } from './checkImportedFlow.ts';
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

function imported() {
  return importFlows([
    { name: 'parent.json', json: parent },
    { name: 'child.json', json: child },
  ]).flows;
}

describe('checkImportedFlow', () => {
  it('passes flows that validate and compile together', () => {
    const flows = imported();
    const registry = createBuiltInRegistry();
    expect(flows.map((flow) => checkImportedFlow(flow, flows, registry).errors)).toEqual([[], []]);
  });

  it('fails a flow that does not validate, and the flow that calls it', () => {
    const flows = imported();
    const broken = flows.find((flow) => flow.flow.id === 'child');
    if (broken === undefined) throw new Error('child was not imported');
    broken.flow.nodes.push({ id: 'odd', type: 'no-such-type', config: {} });
    const registry = createBuiltInRegistry();
    expect(flows.map((flow) => [flow.flow.id, checkImportedFlow(flow, flows, registry).errors[0]?.code])).toEqual([
      ['parent', 'ENGINE004'],
      ['child', 'FLOW003'],
    ]);
  });

  it('fails a flow whose subflow is not among the imported flows', () => {
    const [caller] = imported();
    if (caller === undefined) throw new Error('parent was not imported');
    expect(checkImportedFlow(caller, [caller], createBuiltInRegistry()).errors).toEqual([
      expect.objectContaining({ code: 'FLOW022' }),
    ]);
  });
});
