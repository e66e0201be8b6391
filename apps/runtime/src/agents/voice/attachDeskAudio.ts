import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import { roleAtLeast, type TokenService } from '../../auth/TokenService.ts';
import { parseJsonObject } from '../../http/parseJsonObject.ts';
import { attachTokenSocket } from '../../http/attachTokenSocket.ts';
import { pcm16FromBytes, pcm16ToBytes } from '../../voice/pcm.ts';
import { deskAgentIdOf } from '../contactCenterRouter.ts';
import { carryDeskAudio, DESK_AUDIO_HOP_HEADER } from './carryDeskAudio.ts';
import type { AgentAudioLink, StreamQueueCall } from './StreamQueueCall.ts';
import type { VoiceLegStore } from './VoiceLegStore.ts';

/** A control message from the desk on the audio socket (audio itself is binary). */
type DeskAudioControl = { type: 'mute'; on: boolean } | { type: 'hold'; on: boolean } | { type: 'hangup' };

/** Close code when the agent does not hold a media-stream call with this contact. */
export const NO_VOICE_LEG_CLOSE_CODE = 4404;

/** What the desk audio socket needs: this process's calls, where other processes' calls are, and who this is. */
export interface DeskAudioDeps {
  calls: ReadonlyMap<string, StreamQueueCall>;
  legs: Pick<VoiceLegStore, 'get'>;
  /** This process's base URL as other processes reach it (undefined before it listens). */
  self: () => string | undefined;
  tokens: TokenService;
  logger: Logger;
}

/**
 * The desk's voice, `/ws/desk-audio?token=<desk token>&contact=<contact id>`: binary frames of 16 kHz 16-bit mono PCM
 * both ways (the agent's microphone in, the caller out), and JSON controls from the desk — `{ type: "mute", on }`,
 * `{ type: "hold", on }`, `{ type: "hangup" }` — answered with `{ type: "leg", muted, held, secureFlow, ended }`.
 * Only the agent who accepted the call may open it. With several processes the caller's stream may be held by
 * another process than the one the desk reached: the socket is then carried there (see {@link carryDeskAudio}).
 */
export function attachDeskAudio(server: Server, deps: DeskAudioDeps): { close(): void } {
  return attachTokenSocket(server, {
    path: '/ws/desk-audio',
    maxPayload: 64 * 1024,
    tokens: deps.tokens,
    logger: deps.logger,
    admit: (principal, req) => {
      const agentId = principal?.kind === 'role' ? deskAgentIdOf(principal.label) : undefined;
      if (!principal || principal.kind !== 'role' || !agentId || !roleAtLeast(principal.role, 'agent'))
        return { status: 401, message: 'Sign in to the desk first: /ws/desk-audio?token=...&contact=...' };
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const contactId = query.get('contact') ?? '';
      const carried = req.headers[DESK_AUDIO_HOP_HEADER] !== undefined;
      return {
        serve: (ws) => {
          if (deps.calls.has(contactId) || carried) return void serveAudio(ws, agentId, contactId, deps);
          void elsewhere(ws, { token: query.get('token') ?? '', contactId }, agentId, deps);
        },
      };
    },
  });
}

/** The call is not held here: carries the socket to the process holding it, if another one does. */
async function elsewhere(
  ws: WebSocket,
  query: { token: string; contactId: string },
  agentId: string,
  deps: DeskAudioDeps,
): Promise<void> {
  const holder = await deps.legs.get(query.contactId).then(
    (leg) => leg?.holder,
    (error: unknown) => {
      deps.logger.warn({ err: String(error), contactId: query.contactId }, 'voice leg not read');
      return undefined;
    },
  );
  if (holder !== undefined && holder !== deps.self()) carryDeskAudio(ws, holder, query, deps.logger);
  else await serveAudio(ws, agentId, query.contactId, deps);
}

async function serveAudio(ws: WebSocket, agentId: string, contactId: string, deps: DeskAudioDeps): Promise<void> {
  const call = deps.calls.get(contactId);
  const link: AgentAudioLink = {
    send(pcm16k) {
      if (ws.readyState === ws.OPEN) ws.send(pcm16ToBytes(pcm16k));
    },
    state(state) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'leg', ...state }));
      if (state.ended) ws.close(1000, 'call ended');
    },
  };
  if (!call || !(await call.attachAgent(agentId, link))) {
    ws.close(NO_VOICE_LEG_CLOSE_CODE, 'You hold no voice call with this contact here.');
    return;
  }
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      call.agentAudio(pcm16FromBytes(bytes));
      return;
    }
    const control = parseControl(data.toString());
    if (!control) {
      ws.send(
        JSON.stringify({
          type: 'error',
          errors: [
            {
              code: 'BAD_CONTROL',
              message:
                'Send binary 16 kHz PCM, or { "type": "mute"|"hold", "on": true|false } or { "type": "hangup" }.',
              pointer: '',
            },
          ],
        }),
      );
      return;
    }
    if (control.type === 'mute') call.setMuted(control.on);
    else if (control.type === 'hold') call.setHeld(control.on);
    else
      call
        .agentHangup()
        .catch((error: unknown) => deps.logger.warn({ contactId, err: String(error) }, 'hang-up failed'));
  });
  ws.on('close', () => call.detachAgent(link));
  ws.on('error', (error) => deps.logger.warn({ err: String(error) }, 'desk audio socket error'));
}

function parseControl(text: string): DeskAudioControl | undefined {
  const value = parseJsonObject(text);
  if (!value) return undefined;
  const type = Reflect.get(value, 'type');
  const on = Reflect.get(value, 'on');
  if ((type === 'mute' || type === 'hold') && typeof on === 'boolean') return { type, on };
  if (type === 'hangup') return { type };
  return undefined;
}
