import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry, type NodeHandler } from '@omniflow/flow-engine';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { CONNECT_LAMBDA_HANDLER } from './connect/mapConnectAction.ts';
import { importedFixture } from './foreignFixtures.ts';

/** Test-only stand-in for the BankID Lambda placeholder: answers with a fixed identity check result. */
function bankIdLambdaStub(status: string, calls: unknown[] = []): NodeHandler {
  return async ({ args }) => {
    calls.push(args['personnummer']);
    return {
      port: 'success',
      variables: { status, givenName: 'Astrid', orderRef: `ref-${String(args['personnummer'])}` },
    };
  };
}

describe('imported flows hold real conversations', () => {
  const bankId = importedFixture('amazon-connect/bankid-auth.json');

  it.each(['dtmf', 'chat'] as const)(
    'the Connect BankID voice flow verifies and transfers on %s too',
    async (channel) => {
      const registry = createBuiltInRegistry().registerHandler(CONNECT_LAMBDA_HANDLER, bankIdLambdaStub('complete'));
      await startTestSession(bankId, channel, { registry })
        .expectPrompt(/key in your personal number/)
        .send(channel === 'dtmf' ? { type: 'dtmf', digits: '197001011234#' } : { type: 'text', text: '197001011234' })
        .expectPrompt(/Hello, Astrid\. Please hold/)
        .expectTransfer('Sample BasicQueue');
    },
  );

  it('gives up after polling a pending BankID check three times', async () => {
    const calls: unknown[] = [];
    const registry = createBuiltInRegistry().registerHandler(
      CONNECT_LAMBDA_HANDLER,
      bankIdLambdaStub('pending', calls),
    );
    await startTestSession(bankId, 'voice', { registry })
      .press('197001011234#')
      .expectPrompt(/cannot take your call right now/)
      .expectEnd();
    expect(calls).toEqual(['197001011234', '197001011234', '197001011234']);
  });

  it('the Studio chat flow routes "sales" to the sales queue and asks again on anything else', async () => {
    await startTestSession(importedFixture('twilio-studio/messaging-park-chat.json'), 'chat')
      .expectPrompt(/support or sales/)
      .type('billing')
      .expectPrompt(/support or sales/)
      .type('I need sales')
      .expectPrompt(/locate a sales representative/)
      .check('the transfer carries the chosen queue', (state) =>
        state.last.outputs.some(
          (output) => output.type === 'transfer' && output.reason === '{ "selected_queue": "sales" }',
        ),
      );
  });
});
