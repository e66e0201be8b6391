import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { campaignBody, publishReminder, reminderFlow, uploadCsv, waitForCampaign } from './campaignTestKit.ts';

let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime();
  await publishReminder(t.api);
});
afterAll(async () => t?.close());

describe('campaigns API', () => {
  it('refuses bad input with the reason before anything is dialed', async () => {
    const bad = await t.api(
      'POST',
      '/api/campaigns',
      campaignBody({ pacing: { maxConcurrent: 0, callsPerSecond: 1 } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/pacing/maxConcurrent');
    const never = await t.api(
      'POST',
      '/api/campaigns',
      campaignBody({
        schedule: {
          startAt: '2026-01-01T00:00:00Z',
          endAt: '2027-01-01T00:00:00Z',
          window: { start: '20:00', end: '09:00' },
        },
      }),
    );
    expect(never.status).toBe(422);
    expect(never.body.errors[0]).toMatchObject({ code: 'BAD_SCHEDULE', pointer: '/schedule/window' });

    // A draft flow, never published.
    await t.api('POST', '/api/flows', { flow: { ...reminderFlow, id: 'unpublished' } });
    const draftOnly = (await t.api('POST', '/api/campaigns', campaignBody({ flowId: 'unpublished' }))).body.campaign;
    expect((await uploadCsv(t.api, draftOnly.id, 'name,phone\nAnn,+14155550101\n')).status).toBe(200);
    const notPublished = await t.api('POST', `/api/campaigns/${draftOnly.id}/start`);
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.errors[0].code).toBe('NOT_PUBLISHED');

    const empty = (await t.api('POST', '/api/campaigns', campaignBody())).body.campaign;
    expect((await t.api('POST', `/api/campaigns/${empty.id}/start`)).body.errors[0].code).toBe('EMPTY_LIST');
    const noPhone = await uploadCsv(t.api, empty.id, 'name,email\nAnn,a@example.com\n');
    expect(noPhone.status).toBe(422);
    expect(noPhone.body.errors[0]).toMatchObject({
      code: 'NO_PHONE_COLUMN',
      message: expect.stringContaining('"email"'),
    });
    const headerOnly = await uploadCsv(t.api, empty.id, 'name,phone\n');
    expect(headerOnly.body.errors[0].code).toBe('EMPTY_LIST');

    // Open only on Sunday to Saturday 09:00–10:00 in Seoul — but only in the past.
    const past = (
      await t.api(
        'POST',
        '/api/campaigns',
        campaignBody({
          schedule: {
            startAt: '2020-01-01T00:00:00Z',
            endAt: '2020-02-01T00:00:00Z',
            window: { start: '09:00', end: '10:00' },
          },
        }),
      )
    ).body.campaign;
    await uploadCsv(t.api, past.id, 'phone\n+821012345678\n');
    const closed = await t.api('POST', `/api/campaigns/${past.id}/start`);
    expect(closed.status).toBe(422);
    expect(closed.body.errors[0].code).toBe('WINDOW_NEVER_OPENS');

    // None of these campaigns dialed anyone.
    for (const id of [draftOnly.id, empty.id, past.id])
      expect((await t.api('GET', `/api/campaigns/${id}`)).body.progress.attempts).toBe(0);
  });

  it('previews a list with its row problems without keeping it', async () => {
    const reply = await t.api('POST', '/api/campaigns/lists/preview?region=KR', undefined, {
      raw: '이름,전화번호\n김민수,010-1234-5678\n박지영,12\n김민수,+82 10 1234 5678\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.contactCount).toBe(1);
    expect(reply.body.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [3, 'BAD_PHONE'],
      [4, 'DUPLICATE'],
    ]);
    const badEncoding = await t.api('POST', '/api/campaigns/lists/preview?encoding=latin1', undefined, {
      raw: 'phone\n1\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(badEncoding.body.errors[0].pointer).toBe('/encoding');
  });

  it('runs a campaign end to end on the line simulator through the voice gateway', async () => {
    await t.api('POST', '/api/campaigns/dnc', { phone: '+1 415 555 0104', reason: 'asked by letter' });
    const created = await t.api(
      'POST',
      '/api/campaigns',
      campaignBody({
        optOutKey: '9',
        strategy: {
          rules: {
            busy: { retryAfterMinutes: 0, maxAttempts: 2, smsFallback: false },
            noAnswer: { retryAfterMinutes: 0, maxAttempts: 1, smsFallback: true },
          },
          smsTemplate: { 'en-US': 'Hi {{name}}, we could not reach you.' },
        },
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.campaign.id;
    const csv = [
      'name,phone,sim',
      'Ann,+14155550101,press:1',
      'Bob,+14155550102,busy|press:1',
      'Cid,+14155550103,noAnswer',
      'Dee,+14155550104,press:1',
      'Eve,+14155550105,press:9',
    ].join('\n');
    expect((await uploadCsv(t.api, id, csv)).body.contactCount).toBe(5);
    expect((await t.api('POST', `/api/campaigns/${id}/start`)).status).toBe(200);
    const final = await waitForCampaign(t.api, id, (b) => b.campaign.status === 'completed');
    expect(final.campaign.status).toBe('completed');
    expect(final.progress.outcomes).toEqual({ completed: 2, smsSent: 1, doNotCall: 1, optedOut: 1 });

    const contacts = (await t.api('GET', `/api/campaigns/${id}/contacts`)).body.contacts;
    const byName = Object.fromEntries(contacts.map((c: { variables: { name: string } }) => [c.variables.name, c]));
    expect(byName.Bob).toMatchObject({ attempts: 2, outcome: 'completed' });
    expect(byName.Dee).toMatchObject({ attempts: 0, outcome: 'doNotCall' });
    // The row reached the flow as its variables, and the callee's key chose the path.
    const transcript = (await t.api('GET', `/api/sessions/${byName.Ann.sessionId}/transcript`)).body;
    expect(JSON.stringify(transcript)).toContain('Hello Ann.');
    expect(JSON.stringify(transcript)).toContain('Thank you.');
    // The row's other fields are contact attributes and the simulator's script its own: no warning on any call.
    expect(t.logs.filter((line) => line.includes('not a declared flow variable'))).toEqual([]);
    // The opt-out landed on the campaign's do-not-call list.
    expect(
      (await t.api('GET', `/api/campaigns/${id}/dnc`)).body.entries.map((e: { phone: string }) => e.phone),
    ).toEqual(['+14155550105']);
    const csvExport = await t.api('GET', `/api/campaigns/${id}/contacts.csv`);
    expect(csvExport.text.split('\r\n')[0]).toContain('"outcome"');
    expect(csvExport.text).toContain('"+14155550103","done","1","noAnswer","smsSent"');
  });
});
