import { compileFlow, createBuiltInRegistry, FlowSession } from '@omniflow/flow-engine';
import { exampleFlow } from '@omniflow/examples';
import { type FlowDocument, validateFlow } from '@omniflow/flow-schema';
import { bankingPack } from '@omniflow/plugin-banking/handlers';
import { describe, expect, it } from 'vitest';
import { flowAtNode } from './flowAtNode.ts';

const registry = createBuiltInRegistry().registerAll(bankingPack.definitions);
const bank: FlowDocument = (() => {
  const valid = validateFlow(exampleFlow('bank-main-menu.json'), registry.catalog());
  if (!valid.ok) throw new Error('the bank example flow does not validate');
  return valid.flow;
})();

/** The outcome a perfect transcript reaches at the bank's main menu heard alone. */
async function outcomeOf(transcript: string): Promise<string> {
  const isolated = flowAtNode(bank, 'mainMenu');
  if (isolated === null) throw new Error('mainMenu not found');
  const compiled = compileFlow(isolated, registry);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const { session, turn } = await FlowSession.start(compiled.compiled, { sessionId: 't', channel: 'voice' });
  expect(turn.nodeId).toBe('mainMenu');
  const answer = await session.send({ type: 'speech', transcript, confidence: 0.95 });
  const end = answer.outputs.find((output) => output.type === 'end');
  return answer.status === 'ended' && end?.type === 'end' ? (end.outcome ?? end.reason) : 'retry';
}

describe('flowAtNode (the recognize tool, issue 19)', () => {
  it('ends the session at the option the answer reaches, running nothing after the node', async () => {
    expect(await outcomeOf("I'd like to check my balance please")).toBe('port:1');
    expect(await outcomeOf('recent transactions')).toBe('port:3');
    expect(await outcomeOf('what will the weather be like tomorrow')).toBe('retry');
  });

  it('counts a global intent that leads where an option leads as that option, not as its no-match path', async () => {
    // "operator" is the agent intent (→ agentTransfer), where option 4 leads; noMatch leads there too.
    expect(await outcomeOf('operator')).toBe('port:4');
  });

  it('has no flow to give for a node the flow does not have', () => {
    expect(flowAtNode(bank, 'nowhere')).toBeNull();
  });
});
