import { exhaustive } from '@omniflow/flow-schema';
import type { Logger } from 'pino';
import { twilioAccountOf, twilioPost, type TwilioAccount } from '../../channels/twilioRest.ts';
import { ApiError } from '../../http/ApiError.ts';
import type { CenterRelay } from '../CenterRelay.ts';
import type { VoiceState } from './voiceCenterOps.ts';
import type { VoiceLeg, VoiceLegStore } from './VoiceLegStore.ts';

/** A control the desk sends for a Twilio leg (the same shapes as on the desk audio socket). */
export type TwilioLegAction = { type: 'mute'; on: boolean } | { type: 'hold'; on: boolean } | { type: 'hangup' };

/** What the desk shows of a Twilio leg after a control. */
export interface TwilioLegView {
  muted: boolean;
  held: boolean;
  ended: boolean;
}

/** The final statuses of an outbound Twilio call. */
const FINAL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * The desk's hold of Twilio calls (issue 16): a caller taken by an agent is bridged through a named `<Conference>`
 * (`omniflow-<contact id>`) that the agent's phone joins as a participant created with Twilio's REST API, so the desk
 * can hold the caller (`Hold`, with hold audio), mute the agent (`Muted`) and hang up (`Calls/{sid}` `Status=completed`);
 * and an agent who got a callback calls the customer back into such a conference (two participants created by REST),
 * the outcome of the customer's call coming back on a status callback. The account comes from the runtime's secrets
 * (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_FROM_NUMBER`); without them the desk's requests are refused
 * with what to set, and a Twilio caller is bridged with a plain `<Dial>` as before.
 */
export class TwilioLegControl {
  readonly #secrets: (name: string) => string | undefined;
  readonly #publicUrl: string | undefined;
  readonly #legs: VoiceLegStore;
  readonly #center: Pick<CenterRelay, 'call'>;
  readonly #logger: Logger;

  constructor(deps: {
    secrets: (name: string) => string | undefined;
    publicUrl: string | undefined;
    legs: VoiceLegStore;
    center: Pick<CenterRelay, 'call'>;
    logger: Logger;
  }) {
    this.#secrets = deps.secrets;
    this.#publicUrl = deps.publicUrl?.replace(/\/$/, '');
    this.#legs = deps.legs;
    this.#center = deps.center;
    this.#logger = deps.logger.child({ component: 'twilio-legs' });
  }

  /** The conference a contact's caller and agent meet in. */
  static conferenceOf(contactId: string): string {
    return `omniflow-${contactId}`;
  }

  /**
   * Bridges a caller an agent accepted: adds the agent's phone to the contact's conference and answers the caller's
   * `<Conference>` noun; undefined when the account is not configured (the caller is then dialled to the agent).
   */
  async bridge(contactId: string, callerCallSid: string, agentPhone: string): Promise<string | undefined> {
    const account = this.#account();
    const from = this.#secrets('TWILIO_FROM_NUMBER');
    if (!account || !from) return undefined;
    const agent = await this.#participant(account, contactId, { To: agentPhone, From: from });
    await this.#legs.merge(contactId, { ...agent, callerCallSid, muted: false, held: false });
    return TwilioLegControl.conferenceOf(contactId);
  }

  /** Holds or resumes the caller, mutes or unmutes the agent, or hangs up; only the agent holding the contact may. */
  async control(agentId: string, contactId: string, action: TwilioLegAction): Promise<TwilioLegView> {
    const account = this.#required();
    await this.#heldBy(agentId, contactId);
    const leg = await this.#legs.get(contactId);
    const conference = leg?.conferenceSid;
    if (!leg || !conference || !leg.callerCallSid || !leg.agentCallSid)
      throw new ApiError(409, {
        code: 'NO_TWILIO_LEG',
        message: `Contact "${contactId}" is not bridged through a Twilio conference; a media-stream call is controlled from the desk's audio.`,
        pointer: '',
      });
    const participant = (callSid: string) => `Conferences/${conference}/Participants/${callSid}.json`;
    const view = { muted: leg.muted ?? false, held: leg.held ?? false, ended: false };
    switch (action.type) {
      case 'mute':
        await this.#rest(account, participant(leg.agentCallSid), { Muted: String(action.on) });
        view.muted = action.on;
        break;
      case 'hold':
        await this.#rest(account, participant(leg.callerCallSid), {
          Hold: String(action.on),
          ...(action.on && this.#publicUrl ? { HoldUrl: `${this.#publicUrl}/twilio/hold.wav`, HoldMethod: 'GET' } : {}),
        });
        view.held = action.on;
        break;
      case 'hangup':
        await this.#rest(account, `Calls/${leg.callerCallSid}.json`, { Status: 'completed' });
        await this.#center.call('endChat', agentId, contactId);
        view.ended = true;
        break;
      default:
        return exhaustive(action);
    }
    await this.#legs.merge(contactId, { muted: view.muted, held: view.held });
    return view;
  }

  /**
   * Calls back a customer who asked for it, for the agent holding the callback: the agent's phone and the customer's
   * number (in clear, kept by the runtime) join the contact's conference; the customer's final call status comes
   * back to `/twilio/queue/<contact>/callback-status` and is recorded on the contact.
   */
  async callBack(agentId: string, contactId: string): Promise<{ callSid: string }> {
    const account = this.#required();
    const from = this.#secrets('TWILIO_FROM_NUMBER');
    if (!from || !this.#publicUrl)
      throw notConfigured(
        `${[from ? '' : 'the TWILIO_FROM_NUMBER secret (the caller id of callbacks)', this.#publicUrl ? '' : 'OMNIFLOW_PUBLIC_URL (Twilio reports the call there)'].filter(Boolean).join(' and ')}`,
      );
    const state = await this.#heldBy(agentId, contactId);
    if (!state.callback)
      throw new ApiError(409, {
        code: 'NOT_A_CALLBACK',
        message: `Contact "${contactId}" did not ask to be called back.`,
        pointer: '',
      });
    if (!state.phone)
      throw new ApiError(409, {
        code: 'AGENT_HAS_NO_PHONE',
        message:
          'Your agent profile has no phone number or SIP address to ring; a supervisor sets it (PUT /api/agents/{id}).',
        pointer: '',
      });
    const number = (await this.#legs.get(contactId))?.callerNumber;
    if (!number)
      throw new ApiError(422, {
        code: 'NO_CALLBACK_NUMBER',
        message: `The caller's number of contact "${contactId}" is not known; a callback cannot be placed.`,
        pointer: '',
      });
    const agent = await this.#participant(account, contactId, { To: state.phone, From: from });
    const customer = await this.#participant(account, contactId, {
      To: number,
      From: from,
      StatusCallback: `${this.#publicUrl}/twilio/queue/${encodeURIComponent(contactId)}/callback-status`,
      StatusCallbackMethod: 'POST',
      StatusCallbackEvent: 'completed',
    });
    const callSid = customer.agentCallSid ?? '';
    await this.#legs.merge(contactId, {
      ...agent,
      callerCallSid: callSid,
      callbackCallSid: callSid,
      muted: false,
      held: false,
    });
    this.#logger.info({ contactId, agentId, callSid }, 'callback placed');
    return { callSid };
  }

  /** A verified status callback of a callback call: its final status is recorded on the contact (once). */
  async callbackStatus(contactId: string, params: Readonly<Record<string, string>>): Promise<void> {
    const leg = await this.#legs.get(contactId);
    if (!leg?.callbackCallSid || leg.callbackCallSid !== params['CallSid'])
      throw ApiError.badRequest(
        'TWILIO_CALLSID',
        `This status callback belongs to another call; contact "${contactId}" has no callback with that CallSid.`,
        '/CallSid',
      );
    const status = params['CallStatus'] ?? '';
    if (!FINAL_STATUSES.has(status) || leg.callbackOutcome === status) return;
    await this.#legs.merge(contactId, { callbackOutcome: status });
    await this.#center.call('noteCallback', contactId, status);
  }

  #account(): TwilioAccount | undefined {
    return twilioAccountOf(this.#secrets);
  }

  #required(): TwilioAccount {
    const account = this.#account();
    if (!account) throw notConfigured('the TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN secrets');
    return account;
  }

  /** The contact's state, when the agent holds it (connected to them). */
  async #heldBy(agentId: string, contactId: string): Promise<VoiceState> {
    const state = await this.#center.call('voiceState', contactId);
    if (!state || state.status !== 'connected' || state.agentId !== agentId)
      throw new ApiError(409, {
        code: 'NOT_YOUR_CONTACT',
        message: `You are not connected to contact "${contactId}".`,
        pointer: '',
      });
    return state;
  }

  /** Adds a participant (a phone it calls) to the contact's conference; answers its call and the conference. */
  async #participant(
    account: TwilioAccount,
    contactId: string,
    form: Record<string, string>,
  ): Promise<Pick<VoiceLeg, 'agentCallSid' | 'conferenceSid'>> {
    const conference = encodeURIComponent(TwilioLegControl.conferenceOf(contactId));
    const created = await this.#rest(account, `Conferences/${conference}/Participants.json`, {
      ...form,
      EndConferenceOnExit: 'true',
      Beep: 'false',
    });
    const callSid = created['call_sid'];
    const conferenceSid = created['conference_sid'];
    return {
      ...(typeof callSid === 'string' ? { agentCallSid: callSid } : {}),
      ...(typeof conferenceSid === 'string' ? { conferenceSid } : {}),
    };
  }

  async #rest(account: TwilioAccount, resource: string, form: Record<string, string>) {
    try {
      return await twilioPost(account, resource, form);
    } catch (error) {
      this.#logger.warn({ err: String(error), resource }, 'twilio request failed');
      throw new ApiError(502, {
        code: 'TWILIO_FAILED',
        message: `Twilio refused or did not answer: ${error instanceof Error ? error.message : String(error)}`,
        pointer: '',
      });
    }
  }
}

function notConfigured(what: string): ApiError {
  return new ApiError(409, {
    code: 'TWILIO_NOT_CONFIGURED',
    message: `Twilio calls cannot be controlled from the desk yet: set ${what} (see the desk README, "Twilio").`,
    pointer: '',
  });
}
