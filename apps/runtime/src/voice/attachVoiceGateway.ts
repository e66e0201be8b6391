import type { Server } from 'node:http';
import type { InputEvent, OutputEvent } from '@omniflow/flow-engine';
import { roleAtLeast } from '../auth/TokenService.ts';
import type { Role } from '../store/FlowStore.ts';
import { createDefaultVoiceEngines } from './createDefaultVoiceEngines.ts';
import {
  type VoiceCallParameters,
  type VoiceGateway,
  type VoiceGatewayOptions,
  createVoiceGateway,
} from './mediaStreamServer.ts';
import type { Recognizer } from './Recognizer.ts';
import type { Synthesizer } from './Synthesizer.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** The part of the runtime's SessionService the gateway uses. */
export interface VoiceSessionService {
  start(request: {
    flowId: string;
    channel: 'voice';
    locale?: string;
    callerData?: Record<string, unknown>;
    sessionId?: string;
    draft?: boolean;
  }): Promise<VoiceSessionTurn>;
  input(sessionId: string, input: InputEvent, options?: { flowId?: string }): Promise<VoiceSessionTurn>;
}

/** A turn as the runtime's SessionService answers it. */
export interface VoiceSessionTurn {
  sessionId: string;
  status: 'active' | 'ended';
  outputs: OutputEvent[];
  /** The node the session is at (shown by the designer's simulator). */
  nodeId?: string | null;
  /** Flow variables with sensitive ones masked. */
  variables?: Record<string, unknown>;
}

/**
 * The part of the runtime's TokenService the gateway uses: a role token may call any flow (an editor or above also
 * its draft), a channel token one.
 */
export interface VoiceTokenService {
  authenticate(token: string): Promise<{ kind: 'role'; role: Role } | { kind: 'channel'; flowId: string } | undefined>;
}

/** What {@link attachVoiceGateway} needs from the runtime. */
export interface AttachVoiceGatewayOptions {
  sessions: VoiceSessionService;
  tokens: VoiceTokenService;
  logger: VoiceLogger;
  /** Defaults to pocketsphinx + flite/espeak-ng ({@link createDefaultVoiceEngines}). */
  engines?: { recognizer: Recognizer; synthesizer: Synthesizer };
  /** Defaults to `/ws/voice`. */
  path?: string;
  onCallEnd?: VoiceGatewayOptions['onCallEnd'];
  maxCalls?: number;
}

/**
 * Mounts the voice gateway on the runtime's HTTP server: each stream's `token` parameter is checked like the chat
 * socket's (a channel token is bound to its flow), and the call runs a `voice` session on the flow's live version,
 * or on its draft when the stream parameter `draft` is `"true"` and the token is an editor's (the designer's simulator).
 */
export function attachVoiceGateway(
  server: Server,
  options: AttachVoiceGatewayOptions,
): { gateway: VoiceGateway; close(): void } {
  const gateway = createVoiceGateway({
    ...(options.engines ?? createDefaultVoiceEngines(options.logger)),
    logger: options.logger,
    ...(options.onCallEnd ? { onCallEnd: options.onCallEnd } : {}),
    ...(options.maxCalls === undefined ? {} : { maxCalls: options.maxCalls }),
    sessions: async (call) => {
      const principal = await options.tokens.authenticate(call.token ?? '');
      if (principal === undefined)
        throw new Error('A channel token is required: pass it as the stream parameter "token".');
      const flowId = call.flowId ?? (principal.kind === 'channel' ? principal.flowId : undefined);
      if (flowId === undefined) throw new Error('Name the flow: pass the stream parameter "flowId".');
      if (principal.kind === 'channel' && principal.flowId !== flowId)
        throw new Error(`This channel token is not valid for flow "${flowId}".`);
      if (principal.kind === 'role' && !roleAtLeast(principal.role, 'editor'))
        throw new Error('Viewer tokens only read; a call needs a channel token or an editor token.');
      const draft = call.customParameters.draft === 'true';
      if (draft && !(principal.kind === 'role' && roleAtLeast(principal.role, 'editor')))
        throw new Error('Running a draft needs an editor token.');
      return sessionFor(options.sessions, flowId, call, draft);
    },
  });
  const mounted = gateway.attach(server, { path: options.path ?? '/ws/voice' });
  return {
    gateway,
    close() {
      mounted.close();
      gateway.close();
    },
  };
}

function sessionFor(sessions: VoiceSessionService, flowId: string, call: VoiceCallParameters, draft: boolean) {
  let sessionId: string | null = null;
  const { token: _token, flowId: _flowId, locale: _locale, draft: _draft, ...callerData } = call.customParameters;
  return {
    async start() {
      const turn = await sessions.start({
        flowId,
        channel: 'voice',
        ...(call.locale ? { locale: call.locale } : {}),
        callerData,
        ...(call.callSid ? { sessionId: `voice-${call.callSid}` } : {}),
        ...(draft ? { draft: true } : {}),
      });
      sessionId = turn.sessionId;
      return turn;
    },
    async send(input: InputEvent) {
      if (sessionId === null) throw new Error('the voice session was not started');
      return sessions.input(sessionId, input, { flowId });
    },
  };
}
