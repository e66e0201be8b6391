import type { Server } from 'node:http';
import type { InputEvent, OutputEvent } from '@omniflow/flow-engine';
import { roleAtLeast } from '../auth/TokenService.ts';
import { ApiError } from '../http/ApiError.ts';
import type { SessionCaller } from '../sessions/LiveSessionCaps.ts';
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
import type { VoiceHandover, VoiceSession } from './VoiceCall.ts';
import type { CallStream } from './CallStream.ts';
import { VoiceCallRefused } from './VoiceCallRefused.ts';
import { mediaStreamContact } from './mediaStreamContact.ts';
import type { ContactInput } from '../contact/contactInput.ts';
import type { VoiceLogger } from './voiceLogger.ts';
import { keyedInput } from '../sessions/idempotentInput.ts';
import type { RecordingSource } from '../promptAudio/PromptRecordings.ts';
import { withRecordings } from './speakSay.ts';
import { retryWhileStoreUnavailable } from '../sessions/storeUnavailable.ts';

/** The part of the runtime's SessionService the gateway uses. */
export interface VoiceSessionService {
  start(request: {
    flowId: string;
    channel: 'voice';
    locale?: string;
    callerData?: Record<string, unknown>;
    /** The contact from the stream's parameters (`contact.*`). */
    contact?: ContactInput;
    sessionId?: string;
    draft?: boolean;
    /** A channel token's call: counted against its token's and address's live-session caps (a 429 when full). */
    caller?: SessionCaller;
  }): Promise<VoiceSessionTurn>;
  input(sessionId: string, input: InputEvent, options?: { flowId?: string }): Promise<VoiceSessionTurn>;
  /** Ends a session as a hang-up (a 409 once it has ended). */
  end(sessionId: string, options?: { flowId?: string }): Promise<VoiceSessionTurn>;
}

/** A turn as the runtime's SessionService answers it. */
export interface VoiceSessionTurn {
  sessionId: string;
  status: 'active' | 'ended';
  outputs: OutputEvent[];
  /** The node the session is at (shown by the designer's simulator). */
  nodeId?: string | null;
  /** The session's locale. */
  locale?: string;
  /** Flow variables with sensitive ones masked. */
  variables?: Record<string, unknown>;
}

/**
 * The part of the runtime's TokenService the gateway uses: a role token may call any flow (an editor or above also
 * its draft), a channel token one.
 */
export interface VoiceTokenService {
  authenticate(
    token: string,
  ): Promise<{ kind: 'role'; role: Role } | { kind: 'channel'; flowId: string; tokenId: string } | undefined>;
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
  /**
   * A call whose conversation ended in a transfer: answer true to keep its stream (the contact center's waiting and
   * agent audio), false to close it as before. Gets the gateway's speech engines for flows run on the stream.
   */
  onTransfer?: (
    handover: VoiceHandover,
    stream: CallStream,
    engines: { recognizer: Recognizer; synthesizer: Synthesizer },
  ) => boolean;
  maxCalls?: number;
  clientAddress?: VoiceGatewayOptions['clientAddress'];
  /** Plays prompts' uploaded recordings (issue 20); without it a prompt's recording is replaced by its speech. */
  recordings?: RecordingSource;
}

/** Close code of a call refused by the live-session caps: 4000 + the status the REST API answers (429). */
export const TOO_MANY_SESSIONS_CLOSE_CODE = 4429;

/**
 * Mounts the voice gateway on the runtime's HTTP server: each stream's `token` parameter is checked like the chat
 * socket's (a channel token is bound to its flow), and the call runs a `voice` session on the flow's live version,
 * or on its draft when the stream parameter `draft` is `"true"` and the token is an editor's (the designer's simulator).
 * A channel token's call counts against the live-session caps like a REST or chat session (issue 14): the session is
 * started before any audio work, a full cap closes the stream with {@link TOO_MANY_SESSIONS_CLOSE_CODE}, and the
 * session is ended (its slot freed) when the stream closes.
 */
export function attachVoiceGateway(
  server: Server,
  options: AttachVoiceGatewayOptions,
): { gateway: VoiceGateway; close(): void } {
  const base = options.engines ?? createDefaultVoiceEngines(options.logger);
  const recordings = options.recordings;
  const engines = recordings
    ? {
        ...base,
        synthesizer: withRecordings(base.synthesizer, (reference, signal) => recordings.audioFor(reference, signal)),
      }
    : base;
  const onTransfer = options.onTransfer;
  const gateway = createVoiceGateway({
    ...engines,
    logger: options.logger,
    ...(options.onCallEnd ? { onCallEnd: options.onCallEnd } : {}),
    ...(onTransfer
      ? {
          onTransfer: (call: VoiceCallParameters, session: VoiceSession, stream: CallStream) => {
            // A draft run (the designer's simulator) is a test call: it never waits for a real agent.
            if (call.customParameters.draft === 'true') return false;
            const handover = session.handedOver?.();
            return handover ? onTransfer(handover, stream, engines) : false;
          },
        }
      : {}),
    ...(options.maxCalls === undefined ? {} : { maxCalls: options.maxCalls }),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
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
      const caller =
        principal.kind === 'channel' ? { channelTokenId: principal.tokenId, address: call.remoteAddress } : undefined;
      return openSession(options.sessions, flowId, call, { draft, caller, logger: options.logger });
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

/**
 * Starts the call's session at once, so that a cap refuses the call before any audio work, and answers that first
 * turn when the call asks for it.
 */
async function openSession(
  sessions: VoiceSessionService,
  flowId: string,
  call: VoiceCallParameters,
  options: { draft: boolean; caller: SessionCaller | undefined; logger: VoiceLogger },
): Promise<VoiceSession> {
  const { token: _token, flowId: _flowId, locale: _locale, draft: _draft, ...callerData } = call.customParameters;
  // The other parameters are both the contact (numbers, attributes) and, as before, values for variables the flow declares.
  const { contact, dropped } = mediaStreamContact(callerData);
  if (dropped > 0)
    options.logger.warn({ flowId, dropped }, 'stream parameters not kept as contact attributes (name or size)');
  let first: VoiceSessionTurn;
  try {
    first = await sessions.start({
      flowId,
      channel: 'voice',
      ...(call.locale ? { locale: call.locale } : {}),
      callerData,
      contact,
      ...(call.callSid ? { sessionId: `voice-${call.callSid}` } : {}),
      ...(options.draft ? { draft: true } : {}),
      ...(options.caller ? { caller: options.caller } : {}),
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 429)
      throw new VoiceCallRefused(TOO_MANY_SESSIONS_CLOSE_CODE, error.errors[0]?.message ?? 'too many live sessions');
    throw error;
  }
  const { sessionId } = first;
  let over = first.status === 'ended';
  let handover: VoiceHandover | undefined;
  const noteTransfer = (turn: VoiceSessionTurn): void => {
    const transfer = turn.outputs.find((output) => output.type === 'transfer');
    if (transfer?.type === 'transfer')
      handover = {
        sessionId,
        flowId,
        locale: turn.locale ?? call.locale ?? 'en-US',
        transfer,
        ...(contact.callerNumber === undefined ? {} : { callerNumber: contact.callerNumber }),
      };
  };
  noteTransfer(first);
  // The turns still running: the session is ended only after them, so a hang-up in flight is not ended twice.
  let pending: Promise<unknown> = Promise.resolve();
  let inputCount = 0;
  return {
    async start() {
      return first;
    },
    send(input: InputEvent) {
      // Each utterance or key press gets its own idempotency key, so retrying it after a store failure runs it once.
      inputCount += 1;
      const keyed = keyedInput(`${sessionId}:${inputCount}`, input, '');
      const scope = keyed ? { flowId, keyed } : { flowId };
      const turn = retryWhileStoreUnavailable(() => sessions.input(sessionId, input, scope)).then((next) => {
        if (next.status === 'ended') over = true;
        noteTransfer(next);
        return next;
      });
      pending = Promise.all([pending, turn.catch(() => undefined)]);
      return turn;
    },
    handedOver: () => handover,
    async close() {
      await pending;
      if (over) return;
      over = true;
      await sessions.end(sessionId, { flowId }).catch((error: unknown) => {
        // Ended meanwhile (e.g. by the idle sweeper): its slot is free already.
        if (error instanceof ApiError && error.status === 409) return;
        options.logger.warn({ sessionId, error: String(error) }, 'ending the voice session failed');
      });
    },
  };
}
