import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;
let editor: string;

beforeAll(async () => {
  t = await startTestRuntime();
  editor = (await t.api('POST', '/api/tokens', { role: 'editor', label: 'editor' })).body.token;
});
afterAll(async () => {
  await t.close();
});

/** An Amazon Connect export saying `text`, then transferring to the flow named `calls` when given. */
function connect(name: string, text: string, calls?: string): Record<string, unknown> {
  const actions: object[] = [
    { Identifier: 'hi', Type: 'MessageParticipant', Parameters: { Text: text }, Transitions: { NextAction: 'next' } },
    calls === undefined
      ? { Identifier: 'next', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }
      : { Identifier: 'next', Type: 'TransferToFlow', Parameters: {}, Transitions: {} },
  ];
  const metadata = calls === undefined ? {} : { next: { parameters: { ContactFlowId: { displayName: calls } } } };
  return { Version: '2019-10-30', StartAction: 'hi', Metadata: { name, ActionMetadata: metadata }, Actions: actions };
}

describe('POST /api/flows/import with several documents (#15)', () => {
  it('creates every flow that imports, names the broken document, and says how to publish', async () => {
    const reply = await t.api('POST', '/api/flows/import', {
      documents: [
        { name: 'front.json', document: connect('Front', 'Welcome to the front.', 'Desk') },
        { name: 'broken.json', document: { hello: 'world' } },
        { name: 'desk.json', document: connect('Desk', 'This is the desk.') },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.flows.map((flow: { id: string }) => flow.id)).toEqual(['front', 'desk']);
    expect(reply.body.failures).toEqual([
      expect.objectContaining({
        code: 'IMPORT_UNKNOWN_FORMAT',
        pointer: '/documents/1/document',
        source: 'broken.json',
        message: expect.stringMatching(/^broken\.json: /),
      }),
    ]);
    expect(reply.body.publishOrder).toEqual(['desk', 'front']);
    expect(reply.body.next).toMatch(/desk, front/);
    // Drafts: the caller cannot compile until the flow it calls is live, and /validate says so (validate = compile).
    const validation = await t.api('POST', '/api/flows/front/validate', {});
    expect(validation.body.issues).toContainEqual(expect.objectContaining({ code: 'FLOW022' }));
    for (const id of reply.body.publishOrder)
      expect((await t.api('POST', `/api/flows/${id}/publish`, { note: 'imported' })).status).toBe(201);
    expect((await t.api('POST', '/api/flows/front/validate', {})).body).toMatchObject({ ok: true });
  });

  it('publishes children first when asked, so the calling flow runs its subflow', async () => {
    const reply = await t.api('POST', '/api/flows/import', {
      publish: true,
      documents: [
        { name: 'lobby.json', document: connect('Lobby', 'Hello from the lobby.', 'Cashier') },
        { name: 'cashier.json', document: connect('Cashier', 'The cashier speaks.') },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.flows).toEqual([
      expect.objectContaining({ id: 'lobby', liveVersion: 1, calls: ['cashier'] }),
      expect.objectContaining({ id: 'cashier', liveVersion: 1, calls: [] }),
    ]);
    const session = await t.api('POST', '/api/sessions', { flowId: 'lobby', channel: 'chat' });
    expect(session.status).toBe(201);
    expect(JSON.stringify(session.body.session.outputs)).toMatch(/Hello from the lobby\..*The cashier speaks\./);
  });

  it('creates nothing when an id is taken, naming the document to rename', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('taken') });
    const reply = await t.api('POST', '/api/flows/import', {
      documents: [
        { name: 'fresh.json', document: connect('Fresh', 'Fresh.') },
        { name: 'taken.json', document: connect('Taken', 'Taken.') },
      ],
    });
    expect(reply.status).toBe(409);
    expect(reply.body.errors).toEqual([expect.objectContaining({ code: 'FLOW_EXISTS', pointer: '/documents/1/name' })]);
    expect((await t.api('GET', '/api/flows/fresh')).status).toBe(404);
  });

  it('answers 422 when no document imports, 400 for a malformed request, 403 to publish without the role', async () => {
    const none = await t.api('POST', '/api/flows/import', { documents: [{ document: { states: 'no' } }] });
    expect(none.status).toBe(422);
    expect(none.body.errors[0]).toMatchObject({ pointer: '/documents/0/document' });
    for (const body of [{ documents: [] }, { documents: [{ name: 'x.json' }] }, { documents: 'x' }]) {
      const bad = await t.api('POST', '/api/flows/import', body);
      expect([JSON.stringify(body), bad.status]).toEqual([JSON.stringify(body), 400]);
      expect(bad.body.errors[0].pointer).toMatch(/^\/documents/);
    }
    const forbidden = await t.api(
      'POST',
      '/api/flows/import',
      { publish: true, documents: [{ name: 'nope.json', document: connect('Nope', 'Nope.') }] },
      { token: editor },
    );
    expect(forbidden.status).toBe(403);
    expect((await t.api('GET', '/api/flows/nope')).status).toBe(404);
  });
});
