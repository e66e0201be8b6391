import { twilioPost } from '../channels/twilioRest.ts';
import type { Dialer, DialOutcome, DialRequest, SmsRequest } from './Dialer.ts';
import type { CallResult } from './retryDecision.ts';

/** Twilio account settings (secrets) and where its webhooks reach this runtime. */
export interface TwilioDialerOptions {
  accountSid: string;
  authToken: string;
  /** The caller id of outbound calls and texts (E.164, a Twilio number of the account). */
  from: string;
  /** The runtime's public base URL (OMNIFLOW_PUBLIC_URL), which Twilio calls back. */
  publicUrl: string;
  /** Defaults to Twilio's REST API; tests point it at a local replay of recorded exchanges. */
  apiBase?: string;
  /** Longest wait for a call's final status callback, in ms. */
  callTimeoutMs?: number;
  /** Timeout of one REST request, in ms. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The final statuses of a Twilio call and the campaign result each means. */
const FINAL: Record<string, CallResult> = {
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'noAnswer',
  failed: 'failed',
  canceled: 'failed',
};

/**
 * Places campaign calls with Twilio's Calls API: the call's TwiML URL is the runtime's own voice webhook for the
 * flow (with the attempt key, so the webhook starts the session with the contact's row), answering-machine detection
 * is on, and the final status arrives at `/twilio/campaigns/status?key=…` (signature checked by the router), which
 * settles the attempt — even when the process that placed it is gone. Texts go through the Messaging API.
 */
export class TwilioDialer implements Dialer {
  readonly kind = 'twilio';
  readonly #options: TwilioDialerOptions;
  readonly #waiting = new Map<string, (outcome: DialOutcome) => void>();

  constructor(options: TwilioDialerOptions) {
    this.#options = options;
  }

  async dial(request: DialRequest, signal: AbortSignal): Promise<DialOutcome> {
    const base = this.#options.publicUrl.replace(/\/$/, '');
    const key = encodeURIComponent(request.key);
    const voiceUrl = new URL(`${base}/twilio/voice/${encodeURIComponent(request.flowId)}`);
    voiceUrl.searchParams.set('campaignKey', request.key);
    if (request.locale) voiceUrl.searchParams.set('locale', request.locale);
    const settled = new Promise<DialOutcome>((resolve) => this.#waiting.set(request.key, resolve));
    const created = await this.#post(
      'Calls.json',
      {
        To: request.to,
        From: this.#options.from,
        Url: voiceUrl.toString(),
        Method: 'POST',
        StatusCallback: `${base}/twilio/campaigns/status?key=${key}`,
        StatusCallbackMethod: 'POST',
        StatusCallbackEvent: 'completed',
        MachineDetection: 'Enable',
        Timeout: '30',
      },
      signal,
    ).catch((error: unknown) => {
      this.#waiting.delete(request.key);
      throw error;
    });
    const sid = typeof created['sid'] === 'string' ? created['sid'] : undefined;
    const timeout = this.#options.callTimeoutMs ?? 30 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      settled,
      new Promise<DialOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ result: 'failed' }), timeout);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.#waiting.delete(request.key);
    return { ...outcome, ...(sid ? { providerId: sid } : {}) };
  }

  async sendSms(request: SmsRequest, signal: AbortSignal): Promise<{ sent: boolean; providerId?: string }> {
    const created = await this.#post(
      'Messages.json',
      { To: request.to, From: this.#options.from, Body: request.body },
      signal,
    );
    const status = created['status'];
    const sid = typeof created['sid'] === 'string' ? created['sid'] : undefined;
    return { sent: status !== 'failed' && status !== 'undelivered', ...(sid ? { providerId: sid } : {}) };
  }

  /** Twilio keeps no idempotency key: an attempt handed to it before a crash is taken as placed (never re-placed). */
  async wasPlaced(): Promise<boolean> {
    return true;
  }

  /**
   * Reads a verified status callback: the outcome once the call is final (else `undefined`). The waiting `dial` of
   * this process gets it; the caller records it when none waits (the placing process died).
   */
  settle(key: string, params: Readonly<Record<string, string>>): { outcome: DialOutcome; waited: boolean } | undefined {
    const outcome = outcomeOf(params);
    if (!outcome) return undefined;
    const waiter = this.#waiting.get(key);
    waiter?.(outcome);
    return { outcome, waited: waiter !== undefined };
  }

  #post(resource: string, form: Record<string, string>, signal: AbortSignal): Promise<Record<string, unknown>> {
    return twilioPost(this.#options, resource, form, signal);
  }
}

/** The campaign outcome of a final status callback (answering-machine detection turns an answer into `machine`). */
export function outcomeOf(params: Readonly<Record<string, string>>): DialOutcome | undefined {
  const result = FINAL[params['CallStatus'] ?? ''];
  if (!result) return undefined;
  const machine = (params['AnsweredBy'] ?? '').startsWith('machine') || params['AnsweredBy'] === 'fax';
  const sid = params['CallSid'];
  return {
    result: result === 'completed' && machine ? 'machine' : result,
    ...(sid ? { providerId: sid, sessionId: `twilio-${sid}` } : {}),
  };
}
