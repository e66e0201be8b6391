import { afterEach, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { cardFlow } from '../testing/testFlows.ts';

let t: TestRuntime | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Starts a runtime with `env`, and a contact with both numbers that ends transferred. */
async function transferredContact(env: Record<string, string>) {
  const runtime = await startTestRuntime(env);
  t = runtime;
  await runtime.api('POST', '/api/flows', { flow: cardFlow });
  await runtime.api('POST', '/api/flows/card-help/publish', { note: 'v1' });
  const started = await runtime.api('POST', '/api/sessions', {
    flowId: 'card-help',
    channel: 'chat',
    contact: { callerNumber: '+8613912345678', dialedNumber: '+862155556666' },
  });
  const id: string = started.body.session.sessionId;
  await runtime.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: '信用卡' } });
  const last = await runtime.api('POST', `/api/sessions/${id}/input`, {
    input: { type: 'text', text: '4111111111111111' },
  });
  const record = (await runtime.api('GET', `/api/contacts/${id}`)).body.contact;
  const csv = await (
    await fetch(`${runtime.url}/api/contacts/export?format=csv&flowId=card-help`, {
      headers: { authorization: 'Bearer test-admin-token-0123456789' },
    })
  ).text();
  const transfer = last.body.session.outputs?.find((o: { type: string }) => o.type === 'transfer');
  return { runtime, session: started.body.session.contact, transfer: transfer?.contact, record, csv };
}

describe('one masking setting for contact values (issue 15)', () => {
  it('OMNIFLOW_CONTACT_MASK decides the variables, the transfer to the desk, the record and the export alike', async () => {
    const seen = await transferredContact({ OMNIFLOW_CONTACT_MASK: 'callerNumber' });
    expect(seen.session).toMatchObject({ callerNumber: '****', dialedNumber: '+862155556666' });
    expect(seen.transfer).toMatchObject({ callerNumber: '****', dialedNumber: '+862155556666' });
    expect(seen.record).toMatchObject({ callerNumber: '+•••••••••••••', dialedNumber: '+862155556666' });
    expect(seen.csv).not.toContain('13912345678');
    expect(seen.csv).toContain('+862155556666');
    expect(seen.runtime.logs.join('\n')).not.toContain('deprecated');
  });

  it('keeps a number\'s last four digits in records with ":last4", and shows everything with "none"', async () => {
    const last4 = await transferredContact({ OMNIFLOW_CONTACT_MASK: 'callerNumber:last4,dialedNumber' });
    expect(last4.session).toMatchObject({ callerNumber: '****', dialedNumber: '****' });
    expect(last4.record).toMatchObject({ callerNumber: '+•••••••••5678', dialedNumber: '+••••••••••••' });
    await t?.close();
    const none = await transferredContact({ OMNIFLOW_CONTACT_MASK: 'none' });
    expect(none.transfer).toMatchObject({ callerNumber: '+8613912345678' });
    expect(none.record).toMatchObject({ callerNumber: '+8613912345678', dialedNumber: '+862155556666' });
  });

  it('still honours the deprecated OMNIFLOW_CONTACT_NUMBER_MASK in records, and logs a warning saying what to set', async () => {
    const seen = await transferredContact({ OMNIFLOW_CONTACT_NUMBER_MASK: 'all' });
    expect(seen.record).toMatchObject({ callerNumber: '+•••••••••••••', dialedNumber: '+••••••••••••' });
    expect(seen.session).toMatchObject({ callerNumber: '****' });
    const warning = seen.runtime.logs.find((line) => line.includes('OMNIFLOW_CONTACT_NUMBER_MASK'));
    expect(warning).toContain('deprecated');
    expect(warning).toContain('OMNIFLOW_CONTACT_MASK=callerNumber,dialedNumber,customerId');
  });
});
