import type { OutputEvent } from '@omniflow/flow-engine';
import type { CenterRelay } from '../CenterRelay.ts';
import { callbackConfirmation } from './holdPrompts.ts';
import type { VoiceState, WaitStep } from './voiceCenterOps.ts';
import type { VoiceLeg, VoiceLegStore } from './VoiceLegStore.ts';

export type { VoiceState, WaitStep, WaitTreatment } from './voiceCenterOps.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;

/**
 * Voice callers waiting for an agent, as every runtime process sees them, for both voice legs (Twilio's `<Enqueue
 * waitUrl>` and the media-stream gateway). The contact waits where the center routes (this process, or the routing
 * process over the relay); the caller's leg stays wherever its webhook or stream arrived. What only the runtime may
 * know of the leg (the stream's process, the number in clear, Twilio's call ids) is kept in `cc_voice_legs`.
 */
export class VoiceQueue {
  readonly #center: Pick<CenterRelay, 'call'>;
  /** The voice legs' shared record. */
  readonly legs: VoiceLegStore;

  constructor(deps: { center: Pick<CenterRelay, 'call'>; legs: VoiceLegStore }) {
    this.#center = deps.center;
    this.legs = deps.legs;
  }

  /**
   * Hands a voice session that ended in a transfer to the contact center, keeping `leg` (the caller's number in
   * clear, the stream's process, Twilio's call id) for this runtime only; answers the contact's state, or null (and
   * queues nothing) when the transfer names no queue or agent of the center, so the leg can end the call as before.
   */
  async enter(
    contact: { id: string; flowId: string; locale: string },
    transfer: TransferOutput,
    bridge: 'dial' | 'browser',
    leg: VoiceLeg = {},
  ): Promise<VoiceState | null> {
    // Kept first: an agent may take the call the moment it queues, and then needs to find the leg.
    if (Object.keys(leg).length > 0) await this.legs.merge(contact.id, leg);
    return this.#center.call('voiceEnter', contact, transfer, bridge);
  }

  /** The contact's state where the center routes (null: it holds no such contact). */
  state(contactId: string): Promise<VoiceState | null> {
    return this.#center.call('voiceState', contactId);
  }

  /** A Twilio wait webhook's next step (`at` in wall-clock ms); decided where the center routes. */
  twilioStep(contactId: string, at: number): Promise<{ step: WaitStep; locale: string; callbackKey: string | null }> {
    return this.#center.call('twilioWaitStep', contactId, at);
  }

  /**
   * A key the waiting caller pressed: the callback key keeps the contact's place as a callback and answers what to
   * say before the call ends; any other key answers null (ignored).
   */
  async press(contactId: string, digit: string, state: VoiceState | null): Promise<string | null> {
    const key = state?.treatment.callbackKey ?? null;
    if (!state || key === null || digit !== key) return null;
    if (!(await this.#center.call('voiceCallback', contactId))) return null;
    return callbackConfirmation(state.locale);
  }

  /**
   * The caller's leg is gone (hung up, stream closed, the agent leg ended): a waiting contact is abandoned, a
   * connected one ends for the agent (wrap-up), a callback keeps its place.
   */
  async callEnded(contactId: string): Promise<void> {
    await this.#center.call('voiceEnded', contactId);
  }
}
