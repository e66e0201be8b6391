import express, { Router, type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { TwilioLegControl } from '../agents/voice/TwilioLegControl.ts';
import type { VoiceQueue } from '../agents/voice/VoiceQueue.ts';
import { holdMusic, wavFile } from '../agents/voice/holdMusic.ts';
import { queueClosedPrompt } from '../agents/voice/holdPrompts.ts';
import type { RuntimeConfig } from '../config/loadConfig.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import { attrs, escapeXml, say } from './renderTwiml.ts';
import { formParams, sessionIdOf, verifySignature } from './twilioVoiceRouter.ts';

/** One piece of hold audio between two looks at the queue: an answered call waits at most this long to be bridged. */
export const HOLD_SEGMENT_SECONDS = 5;

/**
 * The Twilio side of a voice caller waiting for an agent (issue 16). A transfer the contact center takes is rendered
 * as `<Enqueue waitUrl=".../wait" action=".../after">`; Twilio then asks `wait` again after each piece of hold audio,
 * and the answer is the place in the queue every N seconds (`<Say>`), hold audio (`<Play>`) inside a one-key
 * `<Gather>` for the callback key, or `<Leave/>` once an agent accepted in the desk. Leaving runs the `after` action,
 * which bridges the caller to the agent's phone number or SIP address: through the contact's `<Conference>` that the
 * agent's phone joins by REST when the account is configured (the desk then holds, mutes and hangs up; see
 * `TwilioLegControl`), else with a plain `<Dial>`; the end of the `<Dial>` ends the contact for the agent (wrap-up).
 * A callback's outbound call reports its final status to `callback-status`. Every request must carry Twilio's
 * signature, and its CallSid must be the contact's.
 */
export function twilioQueueRouter(deps: {
  queue: VoiceQueue;
  /** With Twilio's REST credentials: the caller is bridged through a conference the desk controls. */
  legs?: TwilioLegControl;
  secrets: (name: string) => string | undefined;
  config: Pick<RuntimeConfig, 'publicUrl' | 'bodyLimit'>;
  logger: Logger;
  /** The leg's clock (ms); wall time by default. */
  now?: () => number;
}): (app: Express) => void {
  const now = deps.now ?? Date.now;
  const holdWav = wavFile(holdMusic(HOLD_SEGMENT_SECONDS * 1000, 8000), 8000);
  return (app) => {
    // Twilio fetches `<Play>` audio with a plain GET: hold music is no secret.
    app.get('/twilio/hold.wav', (_req, res) => {
      res.type('audio/wav').set('cache-control', 'public, max-age=86400').send(holdWav);
    });
    const router = Router();
    router.use(express.urlencoded({ extended: false, limit: deps.config.bodyLimit }));
    router.use((req, _res, next) => {
      verifySignature(req, deps);
      next();
    });
    const contactOf = (req: Request): string => {
      const contactId = pathParam(req, 'contactId');
      const callSid = formParams(req)['CallSid'] ?? '';
      if (sessionIdOf(callSid) !== contactId)
        throw ApiError.badRequest(
          'TWILIO_CALLSID',
          `This queue URL belongs to another call; Twilio posts it with the CallSid of contact "${contactId}".`,
          '/CallSid',
        );
      return contactId;
    };
    const paths = (contactId: string) => {
      const base = `/twilio/queue/${encodeURIComponent(contactId)}`;
      return { wait: `${base}/wait`, key: `${base}/key`, dialed: `${base}/dialed` };
    };
    const locale = (req: Request, known: string | undefined): string =>
      typeof req.query['locale'] === 'string' ? req.query['locale'] : (known ?? 'en');

    // Twilio may post each of these to any runtime process: the contact's state comes from where the center routes.
    router.post('/:contactId/wait', async (req, res) => {
      const contactId = contactOf(req);
      const { step, locale: known, callbackKey: key } = await deps.queue.twilioStep(contactId, now());
      const language = locale(req, known);
      if (step.kind === 'connect') return twiml(res, '<Leave/>');
      if (step.kind === 'over') return twiml(res, `${say(step.say, language)}<Hangup/>`);
      const prompt = step.say === null ? '' : say(step.say, language);
      const hold = `<Play>/twilio/hold.wav</Play>`;
      if (key === null) return twiml(res, `${prompt}${hold}`);
      const gather = attrs({
        input: 'dtmf',
        numDigits: '1',
        timeout: '1',
        action: paths(contactId).key,
        method: 'POST',
        actionOnEmptyResult: 'false',
      });
      twiml(res, `<Gather${gather}>${prompt}${hold}</Gather>`);
    });

    router.post('/:contactId/key', async (req, res) => {
      const contactId = contactOf(req);
      const digits = formParams(req)['Digits'] ?? '';
      const state = await deps.queue.state(contactId);
      const goodbye = await deps.queue.press(contactId, digits.slice(0, 1), state);
      if (goodbye === null) return twiml(res, `<Redirect method="POST">${escapeXml(paths(contactId).wait)}</Redirect>`);
      twiml(res, `${say(goodbye, locale(req, state?.locale))}<Hangup/>`);
    });

    router.post('/:contactId/after', async (req, res) => {
      const contactId = contactOf(req);
      const result = formParams(req)['QueueResult'];
      const state = result === 'leave' ? await deps.queue.state(contactId) : null;
      const connected = state?.status === 'connected' ? state : null;
      if (connected?.phone) {
        const dial = attrs({ action: paths(contactId).dialed, method: 'POST' });
        const conference = await deps.legs
          ?.bridge(contactId, formParams(req)['CallSid'] ?? '', connected.phone)
          .catch((error: unknown) => {
            // The caller is still bridged, only without the desk's controls.
            deps.logger.warn({ contactId, err: String(error) }, 'conference bridge failed; dialling the agent');
            return undefined;
          });
        if (conference !== undefined) {
          const room = attrs({
            startConferenceOnEnter: 'true',
            endConferenceOnExit: 'true',
            beep: 'false',
            waitUrl: '/twilio/hold.wav',
            waitMethod: 'GET',
          });
          return twiml(res, `<Dial${dial}><Conference${room}>${escapeXml(conference)}</Conference></Dial>`);
        }
        const target = connected.phone.startsWith('sip')
          ? `<Sip>${escapeXml(connected.phone)}</Sip>`
          : `<Number>${escapeXml(connected.phone)}</Number>`;
        return twiml(res, `<Dial${dial}>${target}</Dial>`);
      }
      if (connected)
        deps.logger.warn(
          { contactId, agentId: connected.agentId },
          'the agent has no phone to bridge a Twilio call to',
        );
      // Hung up while waiting, a queue error, or an agent with no phone: the contact ends (a callback keeps its place).
      await deps.queue.callEnded(contactId);
      const language = locale(req, state?.locale);
      twiml(res, result === 'hangup' ? '' : `${say(queueClosedPrompt(language), language)}<Hangup/>`);
    });

    router.post('/:contactId/dialed', async (req, res) => {
      const contactId = contactOf(req);
      await deps.queue.callEnded(contactId);
      twiml(res, '<Hangup/>');
    });

    router.post('/:contactId/callback-status', async (req, res) => {
      if (!deps.legs) return res.status(204).end();
      await deps.legs.callbackStatus(pathParam(req, 'contactId'), formParams(req));
      res.status(204).end();
    });

    app.use('/twilio/queue', router);
  };
}

function twiml(res: Response, body: string): void {
  res.type('text/xml').send(`<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`);
}
