import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFlow } from '../testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

let t: TestRuntime;
let viewer: string;
let editor: string;
let publisher: string;

beforeAll(async () => {
  t = await startTestRuntime({ OMNIFLOW_BODY_LIMIT: '20kb' });
  const issue = async (role: string) =>
    (await t.api('POST', '/api/tokens', { role, label: role })).body.token as string;
  [viewer, editor, publisher] = await Promise.all([issue('viewer'), issue('editor'), issue('publisher')]);
});
afterAll(async () => {
  await t.close();
});

describe('flows API', () => {
  it('answers no management endpoint without a valid token', async () => {
    for (const [method, path] of [
      ['GET', '/api/flows'],
      ['GET', '/api/node-types'],
      ['POST', '/api/flows'],
      ['GET', '/api/tokens'],
      ['GET', '/api/sessions/x/transcript'],
    ]) {
      const missing = await t.api(method ?? 'GET', path ?? '/', undefined, { token: null });
      expect(missing.status, `${method} ${path}`).toBe(401);
      expect(missing.body.errors[0]).toMatchObject({ code: 'UNAUTHORIZED' });
      expect((await t.api(method ?? 'GET', path ?? '/', undefined, { token: 'nope' })).status).toBe(401);
    }
  });

  it('lets each role do only what it may', async () => {
    const flow = pinFlow('roles');
    expect((await t.api('POST', '/api/flows', { flow }, { token: viewer })).status).toBe(403);
    expect((await t.api('POST', '/api/flows', { flow }, { token: editor })).status).toBe(201);
    expect((await t.api('GET', '/api/flows/roles', undefined, { token: viewer })).status).toBe(200);
    expect((await t.api('POST', '/api/flows/roles/publish', {}, { token: editor })).status).toBe(403);
    expect((await t.api('POST', '/api/tokens', { role: 'admin' }, { token: publisher })).status).toBe(403);
    expect((await t.api('POST', '/api/flows/roles/publish', {}, { token: publisher })).status).toBe(201);
  });

  it('creates a flow once and answers 409 for a duplicate id', async () => {
    const created = await t.api('POST', '/api/flows', { flow: pinFlow('dup') });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.flow).toMatchObject({ id: 'dup', revision: 1, liveVersion: null });
    const again = await t.api('POST', '/api/flows', { flow: pinFlow('dup') });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ code: 'FLOW_EXISTS', pointer: '/flow/id' });
  });

  it('rejects a stale draft revision with 409 and the current revision, overwriting nothing', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('occ') });
    const mine = { ...pinFlow('occ'), name: 'Mine' };
    const first = await t.api('PUT', '/api/flows/occ', { flow: mine, revision: 1 });
    expect(first.status).toBe(200);
    expect(first.body.flow.revision).toBe(2);
    const theirs = { ...pinFlow('occ'), name: 'Theirs' };
    const stale = await t.api('PUT', '/api/flows/occ', { flow: theirs }, { headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentRevision: 2, errors: [{ code: 'STALE_REVISION' }] });
    expect((await t.api('GET', '/api/flows/occ')).body.flow).toMatchObject({ name: 'Mine', revision: 2 });
    expect(
      (await t.api('PUT', '/api/flows/occ', { flow: theirs }, { headers: { 'if-match': '"2"' } })).body.flow.name,
    ).toBe('Theirs');
    const noRevision = await t.api('PUT', '/api/flows/occ', { flow: theirs });
    expect(noRevision.status).toBe(428);
  });

  it('answers malformed JSON, oversized bodies and schema violations with clear 4xx errors', async () => {
    const malformed = await t.api('POST', '/api/flows', undefined, { raw: '{"flow": {' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].code).toBe('MALFORMED_JSON');
    const huge = await t.api('POST', '/api/flows', { flow: { id: 'big', name: 'x'.repeat(30_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].code).toBe('BODY_TOO_LARGE');
    const invalid = await t.api('POST', '/api/flows', { flow: { id: 'bad id!' }, extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer).toSorted()).toEqual(['/extra', '/flow/id']);
    expect((await t.api('PUT', '/api/flows/occ', { flow: pinFlow('other'), revision: 3 })).body.errors[0].pointer).toBe(
      '/flow/id',
    );
    expect((await t.api('GET', '/api/flows/nope')).status).toBe(404);
    expect((await t.api('GET', '/api/nothing-here')).status).toBe(404);
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });

  it('refuses to publish an invalid draft with issues pointing into the flow', async () => {
    const broken = { ...pinFlow('broken'), start: 'missing-node' };
    await t.api('POST', '/api/flows', { flow: broken });
    const published = await t.api('POST', '/api/flows/broken/publish', { note: 'try' });
    expect(published.status).toBe(422);
    expect(published.body.errors.length).toBeGreaterThan(0);
    expect(published.body.errors.some((e: { pointer: string }) => e.pointer.startsWith('/start'))).toBe(true);
    const validated = await t.api('POST', '/api/flows/broken/validate', {});
    expect(validated.body.ok).toBe(false);
    expect((await t.api('GET', '/api/flows/broken/versions')).body.versions).toEqual([]);
  });

  it('publishes numbered immutable versions and rolls the live pointer back', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('pub') });
    expect((await t.api('POST', '/api/flows/pub/validate', {})).body).toMatchObject({ ok: true });
    const v1 = await t.api('POST', '/api/flows/pub/publish', { note: 'first' });
    expect(v1.status).toBe(201);
    expect(v1.body.version).toMatchObject({ version: 1, note: 'first' });
    await t.api('PUT', '/api/flows/pub', { flow: { ...pinFlow('pub'), name: 'Second' }, revision: 1 });
    const stalePublish = await t.api('POST', '/api/flows/pub/publish', { note: 'x', revision: 1 });
    expect(stalePublish.status).toBe(409);
    expect((await t.api('POST', '/api/flows/pub/publish', { note: 'second', revision: 2 })).body.version.version).toBe(
      2,
    );
    expect((await t.api('GET', '/api/flows/pub/versions')).body).toMatchObject({
      liveVersion: 2,
      versions: [{ version: 1 }, { version: 2 }],
    });
    expect((await t.api('GET', '/api/flows/pub/versions/1')).body.version.document.name).toBe('PIN test');
    const rolled = await t.api('POST', '/api/flows/pub/rollback', { version: 1 });
    expect(rolled.body.flow.liveVersion).toBe(1);
    expect((await t.api('POST', '/api/flows/pub/rollback', { version: 9 })).status).toBe(404);
    const exported = await t.api('GET', '/api/flows/pub/export?version=live');
    expect(exported.headers.get('content-disposition')).toContain('pub.flow.json');
    expect(exported.body.name).toBe('PIN test');
  });

  it('imports native flows, refuses unknown formats with 415 and deletes flows', async () => {
    const imported = await t.api('POST', '/api/flows/import', pinFlow('imported'));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ format: 'omniflow', flow: { id: 'imported' } });
    const unknown = await t.api('POST', '/api/flows/import', { hello: 'world' });
    expect(unknown.status).toBe(415);
    expect(unknown.body.errors[0].code).toBe('IMPORT_UNKNOWN_FORMAT');
    expect((await t.api('DELETE', '/api/flows/imported', undefined, { token: editor })).status).toBe(403);
    expect((await t.api('DELETE', '/api/flows/imported')).status).toBe(204);
    expect((await t.api('GET', '/api/flows/imported')).status).toBe(404);
  });

  it('imports a Twilio Studio export through the importer', async () => {
    const studio = {
      description: 'Studio Hello',
      states: [
        {
          name: 'Trigger',
          type: 'trigger',
          transitions: [{ event: 'incomingCall', next: 'say_hello' }],
          properties: {},
        },
        {
          name: 'say_hello',
          type: 'say-play',
          transitions: [{ event: 'audioComplete' }],
          properties: { say: 'Hello from Studio', language: 'en-US' },
        },
      ],
      initial_state: 'Trigger',
      flags: { allow_concurrent_calls: true },
    };
    const imported = await t.api('POST', '/api/flows/import', studio);
    expect(imported.status).toBe(201);
    expect(imported.body.format).toBe('twilio');
    expect(JSON.stringify(imported.body.flow.draft)).toContain('Hello from Studio');
  });

  it('imports an Amazon Connect export, publishes it and answers its flow', async () => {
    const connect = {
      Version: '2019-10-30',
      Metadata: { name: 'Connect hello', ActionMetadata: {} },
      StartAction: 'hello',
      Actions: [
        {
          Identifier: 'hello',
          Type: 'MessageParticipant',
          Parameters: { Text: 'Hello from Connect' },
          Transitions: { NextAction: 'bye' },
        },
        { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    };
    const imported = await t.api('POST', '/api/flows/import?from=connect', connect);
    expect(imported.status).toBe(201);
    expect(imported.body.format).toBe('connect');
    const id = imported.body.flow.id;
    expect((await t.api('POST', `/api/flows/${id}/publish`, { note: 'imported' })).status).toBe(201);
    const session = await t.api('POST', '/api/sessions', { flowId: id, channel: 'chat' });
    expect(JSON.stringify(session.body.session.outputs)).toContain('Hello from Connect');
    expect((await t.api('POST', '/api/flows/import?from=connect', { states: [] })).status).toBe(422);
  });

  it('serves the OpenAPI document and the node-type catalog', async () => {
    const doc = await t.api('GET', '/api/openapi.json', undefined, { token: null });
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/flows/{id}/publish', '/api/sessions/{id}/input']),
    );
    expect(doc.body.components.schemas.UpdateDraft.required).toEqual(['flow']);
    const types = await t.api('GET', '/api/node-types', undefined, { token: viewer });
    const menu = types.body.nodeTypes.find((s: { type: string }) => s.type === 'menu');
    expect(menu.configSchema).toBeTypeOf('object');
  });

  it('issues per-flow channel tokens that never open management endpoints', async () => {
    await t.api('POST', '/api/flows', { flow: pinFlow('chan') });
    const created = await t.api('POST', '/api/flows/chan/channel-tokens', { label: 'website' });
    expect(created.status).toBe(201);
    expect(created.body.chatUrl).toBe(`/chat/chan?token=${created.body.token}`);
    const listed = await t.api('GET', '/api/flows/chan/channel-tokens');
    expect(listed.body.tokens).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await t.api('GET', '/api/flows', undefined, { token: created.body.token })).status).toBe(403);
    expect((await t.api('POST', '/api/flows/chan/channel-tokens', {}, { token: editor })).status).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 with an error body past the configured limit', async () => {
    const limited = await startTestRuntime({ OMNIFLOW_RATE_LIMIT_MAX: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.api('GET', '/api/flows')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await limited.api('GET', '/api/flows')).body.errors[0].code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
