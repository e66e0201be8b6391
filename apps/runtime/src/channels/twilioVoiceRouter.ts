import express, { Router, type Express, type Request, type Response } from 'express';
import type { InputEvent } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config/loadConfig.ts';
import { keepAttributes } from '../contact/contactInput.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import type { SessionService, SessionTurn } from '../sessions/SessionService.ts';
import { escapeXml, renderTwiml } from './renderTwiml.ts';
import { isValidTwilioSignature } from './twilioSignature.ts';
import { keyedInput } from '../sessions/idempotentInput.ts';
import { twilioContact } from './twilioContact.ts';
import type { VoiceQueue } from '../agents/voice/VoiceQueue.ts';

/** Dependencies of {@link twilioVoiceRouter}. */
export interface TwilioDeps {
  sessions: SessionService;
  secrets: (name: string) => string | undefined;
  config: Pick<RuntimeConfig, 'publicUrl' | 'bodyLimit'>;
  logger: Logger;
  /** The row of an outbound campaign call (`?campaignKey=` on the webhook URL), as the session's callerData. */
  outboundCallerData?: (campaignKey: string) => Promise<Record<string, string> | undefined>;
  /** The contact center's voice queue: a transfer to one of its queues waits there (`<Enqueue waitUrl>`). */
  voiceQueue?: VoiceQueue;
}

/**
 * Twilio voice webhooks: point a phone number's "A call comes in" at `POST /twilio/voice/<flowId>` (add
 * `?channel=dtmf` for a keypad-only IVR, `&locale=` to pick the language). Every request must carry a valid
 * `X-Twilio-Signature` made with the `TWILIO_AUTH_TOKEN` secret; others get 403.
 */
export function twilioVoiceRouter(deps: TwilioDeps): (app: Express) => void {
  return (app) => {
    const router = Router();
    router.use(express.urlencoded({ extended: false, limit: deps.config.bodyLimit }));
    router.use((req, _res, next) => {
      verifySignature(req, deps);
      next();
    });

    router.post('/:flowId', async (req, res) => {
      const flowId = pathParam(req, 'flowId');
      const params = formParams(req);
      const callSid = params['CallSid'];
      if (!callSid) throw ApiError.badRequest('TWILIO_CALLSID', 'A Twilio voice webhook carries CallSid.', '/CallSid');
      const channel = req.query['channel'] === 'dtmf' ? 'dtmf' : 'voice';
      const locale = typeof req.query['locale'] === 'string' ? req.query['locale'] : undefined;
      const { contact, dropped } = twilioContact(params);
      if (dropped > 0)
        deps.logger.warn({ flowId, dropped }, 'twilio call parameters not kept as contact attributes (name or size)');
      const campaignKey = req.query['campaignKey'];
      const outbound = typeof campaignKey === 'string' ? await deps.outboundCallerData?.(campaignKey) : undefined;
      await answer(res, deps, flowId, channel, req, () =>
        deps.sessions.start({
          flowId,
          channel,
          sessionId: sessionIdOf(callSid),
          ...(locale ? { locale } : {}),
          // A campaign's row: variables where the flow declares them, contact attributes all.
          contact: outbound
            ? { ...contact, attributes: { ...keepAttributes(outbound).attributes, ...contact.attributes } }
            : contact,
          ...(outbound ? { callerData: outbound } : {}),
        }),
      );
    });

    router.post('/:flowId/gather', async (req, res) => {
      const flowId = pathParam(req, 'flowId');
      const params = formParams(req);
      const callSid = params['CallSid'] ?? '';
      const channel = req.query['channel'] === 'dtmf' ? 'dtmf' : 'voice';
      const input = inputOf(params);
      // Twilio sends a webhook it retries with the same token: the retry gets the stored turn.
      const keyed = keyedInput(req.get('i-twilio-idempotency-token'), input, '');
      await answer(res, deps, flowId, channel, req, () =>
        deps.sessions.input(sessionIdOf(callSid), input, keyed ? { flowId, keyed } : { flowId }),
      );
    });

    router.post('/:flowId/status', async (req, res) => {
      const params = formParams(req);
      if (params['CallStatus'] === 'completed' && params['CallSid']) {
        await deps.sessions
          .end(sessionIdOf(params['CallSid']), { flowId: pathParam(req, 'flowId') })
          .catch(() => undefined);
      }
      res.status(204).end();
    });

    app.use('/twilio/voice', router);
  };
}

async function answer(
  res: Response,
  deps: TwilioDeps,
  flowId: string,
  channel: 'dtmf' | 'voice',
  req: Request,
  turn: () => Promise<SessionTurn>,
): Promise<void> {
  const gatherUrl = `/twilio/voice/${encodeURIComponent(flowId)}/gather${channel === 'dtmf' ? '?channel=dtmf' : ''}`;
  let twiml: string;
  try {
    const result = await turn();
    const transfer = result.outputs.find((output) => output.type === 'transfer');
    // The caller's number in clear and call id stay with the runtime (a callback, the desk's leg controls).
    const params = formParams(req);
    const callerNumber = twilioContact(params).contact.callerNumber;
    const leg = {
      ...(callerNumber === undefined ? {} : { callerNumber }),
      ...(params['CallSid'] ? { callerCallSid: params['CallSid'] } : {}),
    };
    const queued =
      transfer?.type === 'transfer' && deps.voiceQueue
        ? (await deps.voiceQueue.enter(
            { id: result.sessionId, flowId, locale: result.locale },
            transfer,
            'dial',
            leg,
          )) !== null
        : false;
    const queuePath = `/twilio/queue/${encodeURIComponent(result.sessionId)}`;
    twiml = renderTwiml(result.outputs, {
      gatherUrl,
      locale: result.locale,
      channel,
      publicBase: deps.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      ...(queued ? { enqueue: { waitUrl: `${queuePath}/wait`, action: `${queuePath}/after` } } : {}),
    });
  } catch (error) {
    // Twilio needs TwiML even on failure: say so and hang up rather than leaving the caller on dead air.
    if (!(error instanceof ApiError))
      deps.logger.error({ err: String(error), flowId, path: req.path }, 'twilio turn failed');
    const message =
      error instanceof ApiError && error.status === 404
        ? 'Sorry, this number is not in service.'
        : 'Sorry, we cannot take your call right now.';
    twiml = `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${escapeXml(message)}</Say><Hangup/></Response>`;
  }
  res.type('text/xml').send(twiml);
}

/** Throws 403 unless the request carries Twilio's signature over its URL and form (TWILIO_AUTH_TOKEN). */
export function verifySignature(req: Request, deps: Pick<TwilioDeps, 'secrets' | 'config'>): void {
  const authToken = deps.secrets('TWILIO_AUTH_TOKEN');
  if (!authToken) {
    throw new ApiError(403, {
      code: 'TWILIO_NOT_CONFIGURED',
      message: 'Set the TWILIO_AUTH_TOKEN secret so Twilio requests can be verified.',
      pointer: '',
    });
  }
  const base = deps.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const url = `${base}${req.originalUrl}`;
  const signature = req.get('X-Twilio-Signature');
  if (!isValidTwilioSignature(authToken, url, formParams(req), signature)) {
    throw new ApiError(403, {
      code: 'TWILIO_SIGNATURE',
      message: `X-Twilio-Signature does not match ${url}; check TWILIO_AUTH_TOKEN and OMNIFLOW_PUBLIC_URL.`,
      pointer: '',
    });
  }
}

/** The string fields of a Twilio form post. */
export function formParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') params[key] = value;
  }
  return params;
}

function inputOf(params: Record<string, string>): InputEvent {
  const digits = params['Digits'];
  if (digits && /^[0-9*#]{1,64}$/.test(digits)) return { type: 'dtmf', digits };
  const speech = params['SpeechResult'];
  if (speech) {
    const confidence = Number(params['Confidence']);
    return {
      type: 'speech',
      transcript: speech.slice(0, 2000),
      ...(Number.isFinite(confidence) ? { confidence } : {}),
    };
  }
  return { type: 'noInput' };
}

/** The session (and contact) id of a Twilio call. */
export function sessionIdOf(callSid: string): string {
  return `twilio-${callSid.replace(/[^A-Za-z0-9]/g, '').slice(0, 64)}`;
}
