import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;
let editor: string;
let publisher: string;

beforeAll(async () => {
  t = await startTestRuntime();
  const issue = async (role: string) =>
    (await t.api('POST', '/api/tokens', { role, label: role })).body.token as string;
  [editor, publisher] = await Promise.all([issue('editor'), issue('publisher')]);
  await t.api('POST', '/api/flows', { flow: pinFlow('links') });
  await t.api('POST', '/api/flows', { flow: pinFlow('other') });
});
afterAll(async () => {
  await t.close();
});

describe('channel links API (issue 20: chat links without the admin token)', () => {
  it('lets a publisher create, list and revoke a flow channel token, and the revoked token stops working', async () => {
    const created = await t.api('POST', '/api/flows/links/channel-links', { label: 'website' }, { token: publisher });
    expect(created.status).toBe(201);
    expect(created.body.chatUrl).toBe(`/chat/links?token=${created.body.token}`);
    const listed = await t.api('GET', '/api/flows/links/channel-links', undefined, { token: publisher });
    expect(listed.body.tokens.map((x: { label: string }) => x.label)).toEqual(['website']);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const revoked = await t.api('DELETE', `/api/flows/links/channel-links/${created.body.record.id}`, undefined, {
      token: publisher,
    });
    expect(revoked.status).toBe(204);
    expect((await t.api('GET', '/api/flows/links/channel-links', undefined, { token: publisher })).body.tokens).toEqual(
      [],
    );
  });

  it('refuses editors, unknown flows, and revoking a token of another flow or a management token', async () => {
    expect((await t.api('POST', '/api/flows/links/channel-links', {}, { token: editor })).status).toBe(403);
    expect((await t.api('POST', '/api/flows/nope/channel-links', {}, { token: publisher })).status).toBe(404);
    const other = await t.api('POST', '/api/flows/other/channel-links', {}, { token: publisher });
    expect(
      (await t.api('DELETE', `/api/flows/links/channel-links/${other.body.record.id}`, undefined, { token: publisher }))
        .status,
    ).toBe(404);
    const management = await t.api('POST', '/api/tokens', { role: 'viewer', label: 'keep me' });
    expect(
      (
        await t.api('DELETE', `/api/flows/links/channel-links/${management.body.record.id}`, undefined, {
          token: publisher,
        })
      ).status,
    ).toBe(404);
    expect((await t.api('GET', '/api/flows', undefined, { token: management.body.token })).status).toBe(200);
  });
});
