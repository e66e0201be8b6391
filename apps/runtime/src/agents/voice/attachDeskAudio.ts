import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import { roleAtLeast, type TokenService } from '../../auth/TokenService.ts';
import { parseJsonObject } from '../../http/parseJsonObject.ts';
import { attachTokenSocket } from '../../http/attachTokenSocket.ts';
import { pcm16FromBytes, pcm16ToBytes } from '../../voice/pcm.ts';
import { deskAgentIdOf } from '../contactCenterRouter.ts';
import type { AgentAudioLink, StreamQueueCall } from './StreamQueueCall.ts';

/** A control message from the desk on the audio socket (audio itself is binary). */
type DeskAudioControl = { type: 'mute'; on: boolean } | { type: 'hold'; on: boolean } | { type: 'hangup' };

/** Close code when the agent does not hold a media-stream call with this contact (in this process). */
export const NO_VOICE_LEG_CLOSE_CODE = 4404;

/**
 * The desk's voice, `/ws/desk-audio?token=<desk token>&contact=<contact id>`: binary frames of 16 kHz 16-bit mono PCM
 * both ways (the agent's microphone in, the caller out), and JSON controls from the desk — `{ type: "mute", on }`,
 * `{ type: "hold", on }`, `{ type: "hangup" }` — answered with `{ type: "leg", muted, held, secureFlow, ended }`.
 * Only the agent who accepted the call may open it.
 */
export function attachDeskAudio(
  server: Server,
  deps: { calls: ReadonlyMap<string, StreamQueueCall>; tokens: TokenService; logger: Logger },
): { close(): void } {
  return attachTokenSocket(server, {
    path: '/ws/desk-audio',
    maxPayload: 64 * 1024,
    tokens: deps.tokens,
    logger: deps.logger,
    admit: (principal, req) => {
      const agentId = principal?.kind === 'role' ? deskAgentIdOf(principal.label) : undefined;
      if (!principal || principal.kind !== 'role' || !agentId || !roleAtLeast(principal.role, 'agent'))
        return { status: 401, message: 'Sign in to the desk first: /ws/desk-audio?token=...&contact=...' };
      const contactId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('contact') ?? '';
      return { serve: (ws) => serveAudio(ws, agentId, contactId, deps) };
    },
  });
}

function serveAudio(
  ws: WebSocket,
  agentId: string,
  contactId: string,
  deps: { calls: ReadonlyMap<string, StreamQueueCall>; logger: Logger },
): void {
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
  if (!call || !call.attachAgent(agentId, link)) {
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
