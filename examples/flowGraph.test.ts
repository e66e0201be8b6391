import { describe, expect, it } from 'vitest';
import { compileFlow } from '@omniflow/flow-engine';
import { walkFlowGraph } from '@omniflow/flow-engine/testing';
import { exampleFlow } from './exampleFlows.ts';
import { createExampleRegistry } from './exampleHarness.ts';

const { registry } = createExampleRegistry();

function compiled(file: string) {
  const result = compileFlow(exampleFlow(file), registry);
  if (!result.ok)
    throw new Error(result.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`).join('\n'));
  return result.compiled;
}

// xstate/graph walks each compiled example machine: every node must be entered on some path.
describe('example machine graphs (xstate/graph)', () => {
  it(
    "bank main menu: every node is reachable, with the banking pack's nodes answering each of their ports",
    { timeout: 60_000 },
    () => {
      const walk = walkFlowGraph(compiled('bank-main-menu.json'), {
        handlerVariables: { verify: { customerId: 'C-1001', customerName: 'Alice Chen' } },
      });
      expect(walk.unreached).toEqual([]);
      // The agent shortcut and the identification round trip are among the routes.
      expect(walk.routes.some((route) => route.endsWith('intent.agent'))).toBe(true);
      expect(
        walk.routes.some((route) =>
          /port\.1 > port\.next > port\.next > xstate\.done\.actor\.\S+ > xstate\.done\.actor\./.test(route),
        ),
      ).toBe(true);
    },
  );

  it(
    'card activation: every node is reachable, including a PIN confirmation that does not match',
    { timeout: 60_000 },
    () => {
      const walk = walkFlowGraph(compiled('card-activation.json'), {
        handlerVariables: { verify: { customerId: 'C-1001', customerName: 'Alice Chen' } },
        answers: [{ newPin: '2580' }, { confirmPin: '1357' }, { confirmPin: '2580' }],
      });
      expect(walk.unreached).toEqual([]);
    },
  );

  it(
    'flight rebooking: every node is reachable, accepting the offer or asking for another day',
    { timeout: 60_000 },
    () => {
      const answers = [{ acceptOffer: true }, { acceptOffer: false }];
      const firstTime = walkFlowGraph(compiled('flight-rebooking.json'), { answers });
      // A caller who called before (contact.previousContacts) is welcomed back first.
      const repeat = walkFlowGraph(compiled('flight-rebooking.json'), { answers, contact: { previousContacts: 2 } });
      expect(firstTime.unreached).toEqual(['welcomeBack']);
      expect(repeat.unreached.filter((key) => firstTime.unreached.includes(key))).toEqual([]);
    },
  );

  it('bilingual welcome: every node is reachable from the language choice', { timeout: 60_000 }, () => {
    expect(walkFlowGraph(compiled('bilingual-welcome.json')).unreached).toEqual([]);
  });
});
