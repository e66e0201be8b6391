import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { exampleFlow } from './exampleFlows.ts';
import { startExampleHarness, type ExampleHarness } from './exampleHarness.ts';

const flow = exampleFlow('card-activation.json');
let harness: ExampleHarness;

beforeEach(async () => {
  harness = await startExampleHarness();
});
afterEach(async () => {
  await harness.close();
});

/** Asks the live service whether the card is active now, by trying to activate it again. */
async function cardIsActive(customerId: string, lastFour: string): Promise<boolean> {
  const res = await fetch(`${harness.bank.url}/v1/customers/${customerId}/cards/${lastFour}/activate`, {
    method: 'POST',
    headers: { 'x-api-key': harness.bank.apiKey },
  });
  const body: unknown = await res.json();
  return (
    res.status === 409 && typeof body === 'object' && body !== null && Reflect.get(body, 'error') === 'alreadyActive'
  );
}

describe('card activation example', () => {
  it('activates the card with a keypad PIN over DTMF', async () => {
    await startTestSession(flow, 'dtmf', harness.options)
      .expectPrompt(/press 0/i)
      .expectPrompt(/last four digits/i)
      .press('4821')
      .expectPrompt(/date of birth/i)
      .press('19850314')
      .expectPrompt(/Thank you, Alice Chen/)
      .press('2580')
      .expectPrompt(/same PIN again/i)
      .press('2580')
      .expectPrompt(/ending in 4821 is now active/)
      .expectEnd('completed');
    expect(await cardIsActive('C-1001', '4821')).toBe(true);
  });

  it('identifies by speech on voice but takes the PIN by keypad only, never echoing it', async () => {
    const result = await startTestSession(flow, 'voice', harness.options)
      .say('four eight two one')
      .say('14 March 1985')
      .check('the PIN prompt is keypad-only and sensitive', ({ last }) =>
        last.outputs.some((o) => o.type === 'prompt' && o.expect.sensitive && o.expect.speech === undefined),
      )
      .press('7395')
      .press('7395')
      .expectPrompt(/now active/)
      .expectEnd();
    const transcript = result.turns.flatMap((turn) => turn.result.transcript.map((entry) => entry.text)).join('\n');
    expect(transcript).toContain('4821');
    expect(transcript).not.toContain('7395');
  });

  it('activates in chat and answers in Chinese for a zh-CN session', async () => {
    await startTestSession(flow, 'chat', { ...harness.options, locale: 'zh-CN' })
      .expectPrompt(/末四位/)
      .type('7312')
      .type('1978-11-30')
      .expectPrompt(/김민준/)
      .type('8642')
      .type('8642')
      .expectPrompt(/已激活/)
      .expectEnd('completed');
    expect(await cardIsActive('C-1003', '7312')).toBe(true);
  });

  it('speaks Korean to a ko-KR caller', async () => {
    await startTestSession(flow, 'voice', { ...harness.options, locale: 'ko-KR' })
      .expectPrompt(/카드 번호의 마지막 네 자리/)
      .press('7312')
      .press('19781130')
      .expectPrompt(/김민준님/);
  });

  it('transfers to card services with what was collected after three failed identifications', async () => {
    const result = await startTestSession(flow, 'dtmf', harness.options)
      .press('4821')
      .press('19850315')
      .expectPrompt(/do not match/i)
      .press('4821')
      .press('19850316')
      .press('1111')
      .press('19850314')
      .expectTransfer('card-services')
      .expectEnd('transferred');
    const transfer = result.last.outputs.find((o) => o.type === 'transfer');
    expect(transfer?.type === 'transfer' && transfer.variables).toMatchObject({ attempts: 3, cardLastFour: '1111' });
    expect(transfer?.type === 'transfer' && transfer.reason).toContain('3 failed identification');
  });

  it('asks for the PIN again after a mismatch and after a PIN the bank rejects', async () => {
    await startTestSession(flow, 'chat', harness.options)
      .type('4821')
      .type('1985-03-14')
      .type('2580')
      .type('2581')
      .expectPrompt(/did not match/i)
      .expectNode('askPin')
      .type('1234')
      .type('1234')
      .expectPrompt(/too easy to guess/i)
      .expectNode('askPin')
      .type('2580')
      .type('2580')
      .expectPrompt(/now active/)
      .expectEnd();
  });

  it('says the card was already active when it was', async () => {
    await startTestSession(flow, 'dtmf', harness.options)
      .press('9034')
      .press('19850314')
      .press('2580')
      .press('2580')
      .expectPrompt(/already active/)
      .expectEnd();
  });

  it('hands over to an agent from anywhere when asked, by voice, chat or the 0 key inside a digit entry (#3)', async () => {
    await startTestSession(flow, 'voice', harness.options)
      .say('four eight two one')
      .say('representative')
      .expectTransfer('card-services');
    await startTestSession(flow, 'chat', harness.options)
      .type('I want to talk to a person')
      .expectTransfer('card-services');
    await startTestSession(flow, 'dtmf', harness.options)
      .expectNode('askLastFour')
      .press('0#')
      .expectTransfer('card-services');
    await startTestSession(flow, 'voice', harness.options)
      .press('4821')
      .expectNode('askDateOfBirth')
      .press('0')
      .expectTransfer('card-services');
  });

  it('transfers when the core-banking service cannot be reached', async () => {
    await startTestSession(flow, 'dtmf', { registry: harness.registry, secrets: () => undefined })
      .press('4821')
      .press('19850314')
      .expectPrompt(/cannot reach/i)
      .expectTransfer('card-services');
  });

  it('keeps the API key and the PIN out of logs, transcript, transfer and snapshot', async () => {
    const lines: string[] = [];
    const write = (fields: Record<string, unknown>, message: string): void => {
      lines.push(`${message} ${JSON.stringify(fields)}`);
    };
    const result = await startTestSession(flow, 'voice', {
      ...harness.options,
      logger: { info: write, warn: write, error: write },
    })
      .press('4821')
      .press('19850314')
      .press('9517')
      .press('9517')
      .check('waits for nothing more', ({ last }) => last.status === 'ended');
    const seen = [
      ...lines,
      ...result.turns.map((turn) => JSON.stringify(turn.result)),
      JSON.stringify(result.session.snapshot()),
    ].join('\n');
    expect(lines.some((line) => line.includes('core-banking replied'))).toBe(true);
    expect(seen).not.toContain(harness.bank.apiKey);
    expect(seen).not.toContain('9517');
  });
});
