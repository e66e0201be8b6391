import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { isRecord } from '@omniflow/flow-schema';
import { CallStream } from './CallStream.ts';
import { mulawDecode } from './mulaw.ts';
import { pcm16FromBytes } from './pcm.ts';
import type { Recognizer } from './Recognizer.ts';
import { jambonzTransport, rawTransport, sendJson, twilioTransport } from './streamTransports.ts';
import type { Synthesizer } from './Synthesizer.ts';
import { VoiceCallRefused } from './VoiceCallRefused.ts';
import { VoiceCall, type VoiceCallEnd, type VoiceCallEvent, type VoiceSession, type VoiceTurn } from './VoiceCall.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** Who is calling what, from the stream's `start` message (Twilio `<Parameter>`s or the browser's start). */
export interface VoiceCallParameters {
  /**
   * `twilio`: Media Streams JSON with 8 kHz μ-law; `raw`: browser 16 kHz PCM in binary frames; `jambonz`: the
   * `listen` verb's binary PCM at the rate its first (metadata) frame names.
   */
  mode: 'twilio' | 'raw' | 'jambonz';
  /** Caller audio sample rate. */
  sampleRate: number;
  flowId: string | undefined;
  token: string | undefined;
  locale: string | undefined;
  callSid: string | undefined;
  streamSid: string;
  /** Every custom parameter as sent (caller data for the flow). */
  customParameters: Record<string, string>;
  /** The TCP peer of the stream's socket (live sessions are capped per client address). */
  remoteAddress: string;
}

/**
 * Opens the conversation for a call; throw (e.g. a bad token or unknown flow) to refuse it, a {@link VoiceCallRefused}
 * to choose the close code. The session's `close`, if any, is called once the stream has closed, however it ended.
 */
export type VoiceSessionFactory = (parameters: VoiceCallParameters) => Promise<VoiceSession>;

/** What the gateway needs from the runtime. */
export interface VoiceGatewayOptions {
  sessions: VoiceSessionFactory;
  recognizer: Recognizer;
  synthesizer: Synthesizer;
  logger?: VoiceLogger;
  /** Locale when the call names none. */
  defaultLocale?: string;
  /** Calls beyond this are refused (WebSocket close 1013). */
  maxCalls?: number;
  /** The caller's address from an upgrade request (the runtime's trusted-proxy rule); the TCP peer by default. */
  clientAddress?: (request: IncomingMessage) => string;
  /** A stream that sends no `start` within this time is closed. */
  startTimeoutMs?: number;
  /** Told when a call ends, e.g. to carry out a transfer through the telephony provider's API. */
  onCallEnd?: (parameters: VoiceCallParameters, end: VoiceCallEnd) => void;
  /**
   * Told when the bot conversation ends in a transfer, with the caller's stream: answer true to keep the stream open
   * (the contact center plays hold audio and bridges an agent on it), false to close it as before.
   */
  onTransfer?: (parameters: VoiceCallParameters, session: VoiceSession, stream: CallStream) => boolean;
  /** Every call event, for metrics and tests. */
  onCallEvent?: (parameters: VoiceCallParameters, event: VoiceCallEvent) => void;
}

/** The mounted voice gateway. */
export interface VoiceGateway {
  /** Serves the gateway on `server` at `path` (default `/ws/voice`); other upgrade paths are left alone. */
  attach(server: Server, options?: { path?: string }): { close(): void };
  /** Takes over one upgrade request (for a runtime that routes upgrades itself). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Calls in progress. */
  readonly activeCalls: number;
  /** Hangs up every call. */
  close(): void;
}

/**
 * Creates the voice gateway: a WebSocket endpoint speaking Twilio Media Streams' bidirectional protocol
 * (`connected`, `start`, `media`, `dtmf`, `mark`, `stop` in; `media`, `mark`, `clear` out) and, for the browser
 * microphone, a raw mode (a JSON `start` with `mediaFormat.encoding: "audio/l16"`, then binary 16 kHz PCM frames).
 * A jambonz `listen` stream (first text frame of call attributes with `sampleRate`, then binary PCM) is served too.
 */
export function createVoiceGateway(options: VoiceGatewayOptions): VoiceGateway {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const calls = new Set<VoiceCall>();
  const gateway: VoiceGateway = {
    attach(server, attachOptions = {}) {
      const path = attachOptions.path ?? '/ws/voice';
      const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
        if (new URL(request.url ?? '/', 'http://localhost').pathname === path)
          gateway.handleUpgrade(request, socket, head);
      };
      server.on('upgrade', onUpgrade);
      return { close: () => server.off('upgrade', onUpgrade) };
    },
    handleUpgrade(request, socket, head) {
      const remoteAddress = options.clientAddress?.(request) ?? request.socket.remoteAddress ?? '';
      wss.handleUpgrade(request, socket, head, (ws) => serveStream(ws, options, calls, remoteAddress));
    },
    get activeCalls() {
      return calls.size;
    },
    close() {
      for (const call of calls) call.hangup();
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
  return gateway;
}

function serveStream(ws: WebSocket, options: VoiceGatewayOptions, calls: Set<VoiceCall>, remoteAddress: string): void {
  const log = options.logger;
  let call: VoiceCall | null = null;
  let opened: VoiceSession | null = null;
  // However the stream ends (hang-up, call error, dropped socket), the session is told once, so its cap slot frees.
  const closeSession = (session: VoiceSession): void => {
    session
      .close?.()
      .catch((error: unknown) => log?.warn({ error: String(error) }, 'closing the voice session failed'));
  };
  let parameters: VoiceCallParameters | null = null;
  // The caller's stream once a transfer handed it to the contact center.
  let handed: CallStream | null = null;
  const startTimer = setTimeout(() => {
    if (parameters === null) ws.close(1008, 'no start message');
  }, options.startTimeoutMs ?? 10_000);

  const begin = async (message: Record<string, unknown>): Promise<void> => {
    const read = startParameters(message);
    if (typeof read === 'string') {
      ws.close(1003, read);
      return;
    }
    const current: VoiceCallParameters = { ...read, remoteAddress };
    parameters = current;
    clearTimeout(startTimer);
    if (options.maxCalls !== undefined && calls.size >= options.maxCalls) {
      ws.close(1013, 'voice gateway at capacity');
      return;
    }
    let session: VoiceSession;
    try {
      session = await options.sessions(current);
    } catch (error) {
      log?.warn({ streamSid: current.streamSid, error: String(error) }, 'voice call refused');
      if (current.mode !== 'twilio')
        sendJson(ws, { event: 'error', message: String(error instanceof Error ? error.message : error) });
      if (error instanceof VoiceCallRefused) ws.close(error.closeCode, closeReason(error.message));
      else ws.close(1008, 'call refused');
      return;
    }
    if (ws.readyState !== WebSocket.OPEN) {
      // The caller left while the session was being opened: nobody will close it otherwise.
      closeSession(session);
      return;
    }
    opened = session;
    const transport =
      current.mode === 'twilio'
        ? twilioTransport(ws, current.streamSid)
        : current.mode === 'raw'
          ? rawTransport(ws)
          : jambonzTransport(ws, current.sampleRate);
    const created: VoiceCall = new VoiceCall({
      callId: current.callSid ?? current.streamSid,
      session,
      transport: {
        ...transport,
        close(end) {
          calls.delete(created);
          if (end.reason === 'transferred' && options.onTransfer && ws.readyState === WebSocket.OPEN) {
            const stream = new CallStream({
              ws,
              mode: current.mode,
              rate: current.sampleRate,
              streamSid: current.streamSid,
              prompts: transport,
            });
            if (options.onTransfer(current, session, stream)) {
              handed = stream;
              return;
            }
          }
          options.onCallEnd?.(current, end);
          transport.close(end);
        },
      },
      recognizer: options.recognizer,
      synthesizer: options.synthesizer,
      locale: current.locale ?? options.defaultLocale ?? 'en-US',
      inputRate: current.sampleRate,
      logger: log,
      onEvent: (event) => {
        options.onCallEvent?.(current, event);
        if (current.mode === 'raw') sendJson(ws, { event: 'call', call: event });
      },
      // Raw mode only: Twilio's and jambonz's protocols have no such message.
      ...(current.mode === 'raw'
        ? {
            onTurn: (turn: VoiceTurn) =>
              sendJson(ws, {
                event: 'turn',
                turn: { nodeId: turn.nodeId ?? null, status: turn.status, variables: turn.variables ?? {} },
              }),
          }
        : {}),
    });
    call = created;
    calls.add(created);
    log?.info({ streamSid: current.streamSid, mode: current.mode, flowId: current.flowId }, 'voice call started');
    await created.start();
  };
  const startCall = (message: Record<string, unknown>): void => {
    begin(message).catch((error: unknown) => log?.error({ error: String(error) }, 'voice call failed to start'));
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      if (handed !== null && parameters !== null && parameters.mode !== 'twilio')
        handed.callerAudio(pcm16FromBytes(bytesOf(data)));
      else if (call !== null && parameters !== null && parameters.mode !== 'twilio')
        call.pushAudio(pcm16FromBytes(bytesOf(data)));
      return;
    }
    let message: Record<string, unknown>;
    try {
      message = record(JSON.parse(bytesOf(data).toString()));
    } catch {
      log?.warn({}, 'voice stream sent a message that is not JSON; ignored');
      return;
    }
    // jambonz opens with the call's attributes and no event name.
    if (parameters === null && message.event === undefined && typeof message.sampleRate === 'number') {
      startCall(message);
      return;
    }
    switch (message.event) {
      case 'connected':
        return;
      case 'start':
        if (parameters === null) startCall(message);
        return;
      case 'media': {
        const media = record(message.media);
        const payload = text(media.payload);
        if (payload !== undefined && (media.track === undefined || media.track === 'inbound')) {
          const pcm = mulawDecode(new Uint8Array(Buffer.from(payload, 'base64')));
          if (handed !== null) handed.callerAudio(pcm);
          else call?.pushAudio(pcm);
        }
        return;
      }
      case 'dtmf': {
        // Twilio and raw mode: { dtmf: { digit } }; jambonz: { dtmf: "5" }.
        const digit = text(message.dtmf) ?? text(record(message.dtmf).digit);
        if (digit !== undefined && handed !== null) handed.callerDigit(digit);
        else if (call !== null && digit !== undefined) call.pushDtmf(digit);
        return;
      }
      case 'mark': {
        const name = text(record(message.mark).name);
        if (name !== undefined && handed !== null) handed.callerMark(name);
        else if (call !== null && name !== undefined) call.markPlayed(name);
        return;
      }
      case 'stop':
        handed?.finish();
        call?.hangup();
        ws.close(1000, 'stream stopped');
        return;
      default:
        log?.debug({ event: String(message.event) }, 'unknown voice stream event ignored');
    }
  });
  ws.on('close', () => {
    clearTimeout(startTimer);
    handed?.finish();
    if (call !== null) {
      calls.delete(call);
      call.hangup();
    }
    if (opened !== null) closeSession(opened);
  });
  ws.on('error', (error) => log?.warn({ error: String(error) }, 'voice stream socket error'));
}

/** A WebSocket close reason may hold at most 123 bytes. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  return bytes.length <= 123
    ? message
    : `${bytes
        .subarray(0, 120)
        .toString()
        .replace(/\uFFFD$/, '')}...`;
}

/** Reads who is calling from a Twilio/raw `start` or a jambonz first frame; a string says why the stream is refused. */
function startParameters(message: Record<string, unknown>): Omit<VoiceCallParameters, 'remoteAddress'> | string {
  const strings = (value: unknown) =>
    Object.fromEntries(Object.entries(record(value)).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  if (message.event === undefined) {
    const sampleRate = message.sampleRate;
    if (sampleRate !== 8000 && sampleRate !== 16000) return 'jambonz listen: use sampleRate 8000 or 16000';
    if (message.mixType !== undefined && message.mixType !== 'mono') return 'jambonz listen: use mixType "mono"';
    const custom = strings(message.metadata);
    const callSid = text(message.callSid);
    return {
      mode: 'jambonz',
      sampleRate,
      flowId: custom.flowId,
      token: custom.token,
      locale: custom.locale,
      callSid,
      streamSid: callSid ?? `jambonz-${Date.now().toString(36)}`,
      customParameters: custom,
    };
  }
  const start = record(message.start);
  const custom = strings(start.customParameters);
  const format = record(start.mediaFormat);
  const mode = format.encoding === 'audio/l16' ? 'raw' : 'twilio';
  if (mode === 'raw' && format.sampleRate !== undefined && format.sampleRate !== 16000)
    return 'raw mode takes 16 kHz 16-bit mono PCM';
  return {
    mode,
    sampleRate: mode === 'raw' ? 16000 : 8000,
    flowId: custom.flowId,
    token: custom.token,
    locale: custom.locale,
    callSid: text(start.callSid),
    streamSid: text(message.streamSid) ?? text(start.streamSid) ?? `raw-${Date.now().toString(36)}`,
    customParameters: custom,
  };
}

function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
