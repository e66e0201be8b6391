import { createServer } from 'node:http';
import { compileFlow, createBuiltInRegistry, FlowSession, type InputEvent } from '@omniflow/flow-engine';
import { afterEach, describe, expect, it } from 'vitest';
import { attachVoiceGateway, type VoiceSessionService, type VoiceTokenService } from './attachVoiceGateway.ts';
import { createDefaultVoiceEngines } from './createDefaultVoiceEngines.ts';
import type { Synthesizer } from './Synthesizer.ts';
import { bankFlow, FakePhone } from './voiceTestHarness.ts';

/** Stands in for the runtime's store-backed SessionService: real engine sessions kept in a map. */
function engineSessions() {
  const compiled = compileFlow(bankFlow, createBuiltInRegistry());
  if (!compiled.ok) throw new Error('bank flow does not compile');
  const live = new Map<string, FlowSession>();
  const ended: string[] = [];
  const started: {
    flowId: string;
    channel: string;
    sessionId?: string;
    callerData?: Record<string, unknown>;
    draft?: boolean;
  }[] = [];
  const service: VoiceSessionService = {
    async start(request) {
      started.push(request);
      const id = request.sessionId ?? `s${started.length}`;
      const { session, turn } = await FlowSession.start(compiled.compiled, { sessionId: id, channel: request.channel });
      live.set(id, session);
      return { sessionId: id, status: turn.status, outputs: turn.outputs };
    },
    async input(sessionId: string, input: InputEvent) {
      const session = live.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const turn = await session.send(input);
      return { sessionId, status: turn.status, outputs: turn.outputs };
    },
    end(sessionId: string) {
      ended.push(sessionId);
      return service.input(sessionId, { type: 'hangup' });
    },
  };
  return { service, started, ended };
}

const tokens: VoiceTokenService = {
  async authenticate(token) {
    if (token === 'admin') return { kind: 'role', role: 'admin' };
    if (token === 'editor') return { kind: 'role', role: 'editor' };
    if (token === 'viewer') return { kind: 'role', role: 'viewer' };
    if (token === 'bank-channel') return { kind: 'channel', flowId: 'bank', tokenId: 'bank-channel-id' };
    if (token === 'other-channel') return { kind: 'channel', flowId: 'other', tokenId: 'other-channel-id' };
    return undefined;
  },
};

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const engines = createDefaultVoiceEngines();

async function mount(options: { synthesizer?: Synthesizer } = {}) {
  const { service, started, ended } = engineSessions();
  const server = createServer();
  const voice = attachVoiceGateway(server, {
    sessions: service,
    tokens,
    logger: quiet,
    engines: { ...engines, ...options },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/ws/voice`;
  return {
    url,
    started,
    ended,
    close: async () => {
      voice.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('attachVoiceGateway', { timeout: 30_000 }, () => {
  let mounted: Awaited<ReturnType<typeof mount>> | null = null;
  afterEach(async () => {
    await mounted?.close();
    mounted = null;
  });

  it('runs a voice session on the flow a channel token is bound to, with the other parameters as caller data', async () => {
    mounted = await mount();
    const phone = await FakePhone.dial(mounted.url, 'twilio', {
      token: 'bank-channel',
      locale: 'en-US',
      from: '+15550100',
      segment: 'gold',
    });
    expect(await phone.waitFor(() => mounted?.started.length === 1, { audioMs: 3000 })).toBe(true);
    expect(mounted.started).toEqual([
      {
        flowId: 'bank',
        channel: 'voice',
        locale: 'en-US',
        callerData: { from: '+15550100', segment: 'gold' },
        // Issue 15: the stream's parameters are the contact too (a number that does not parse is kept as sent).
        contact: { direction: 'inbound', callerNumber: '+15550100', attributes: { segment: 'gold' } },
        sessionId: 'voice-CAtest',
        // A channel token's call counts against the live-session caps (issue 14).
        caller: { channelTokenId: 'bank-channel-id', address: '127.0.0.1' },
      },
    ]);
    expect(phone.closedWith).toBeNull();
    phone.hangUp();
  });

  it('refuses an unknown token and a channel token of another flow', async () => {
    mounted = await mount();
    const refused: Record<string, string>[] = [
      { token: 'nope', flowId: 'bank' },
      { token: 'other-channel', flowId: 'bank' },
      { token: 'admin' },
    ];
    for (const params of refused) {
      const phone = await FakePhone.dial(mounted.url, 'twilio', params);
      await phone.waitFor(() => phone.closedWith !== null, { audioMs: 2000, realMs: 3000 });
      expect(phone.closedWith).toBe(1008);
    }
    expect(mounted.started).toEqual([]);
  });

  it('runs the draft for an editor token that asks for it (the designer simulator), without passing draft as caller data', async () => {
    mounted = await mount();
    const phone = await FakePhone.dial(mounted.url, 'twilio', { token: 'editor', flowId: 'bank', draft: 'true' });
    expect(await phone.waitFor(() => mounted?.started.length === 1, { audioMs: 3000 })).toBe(true);
    expect(mounted.started).toEqual([
      {
        flowId: 'bank',
        channel: 'voice',
        callerData: {},
        contact: { direction: 'inbound' },
        sessionId: 'voice-CAtest',
        draft: true,
      },
    ]);
    phone.hangUp();
  });

  it('refuses a draft call to a viewer token and to a channel token', async () => {
    mounted = await mount();
    const refused: Record<string, string>[] = [
      { token: 'viewer', flowId: 'bank', draft: 'true' },
      { token: 'bank-channel', draft: 'true' },
    ];
    for (const params of refused) {
      const phone = await FakePhone.dial(mounted.url, 'twilio', params);
      await phone.waitFor(() => phone.closedWith !== null, { audioMs: 2000, realMs: 3000 });
      expect(phone.closedWith).toBe(1008);
    }
    expect(mounted.started).toEqual([]);
  });

  it('ends the session when the call fails, so its live-session cap slot is freed (issue 14)', async () => {
    const broken: Synthesizer = {
      name: 'broken',
      voiceFor: () => 'none',
      synthesize: () => Promise.reject(new Error('synthesizer down')),
    };
    mounted = await mount({ synthesizer: broken });
    const phone = await FakePhone.dial(mounted.url, 'twilio', { token: 'bank-channel' });
    await phone.waitFor(() => phone.closedWith !== null, { audioMs: 3000, realMs: 5000 });
    expect(phone.closedWith).not.toBeNull();
    for (let i = 0; i < 100 && mounted.ended.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(mounted.ended).toEqual(['voice-CAtest']);
  });
});
