import type { OutputEvent } from '@omniflow/flow-engine';
import type { ContactCenter } from '../ContactCenter.ts';
import { callbackConfirmation, holdPrompt, queueClosedPrompt } from './holdPrompts.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;

/** How a voice caller waits: a prompt every `everySeconds` (place, message, callback offer), hold audio between. */
export interface WaitTreatment {
  everySeconds: number;
  announcePosition: boolean;
  message?: string;
  /** Null: no callback is offered. */
  callbackKey: string | null;
}

/** What a waiting caller's leg does next. */
export type WaitStep =
  /** Keep waiting; say `say` first when a prompt is due. */
  | { kind: 'wait'; say: string | null }
  /** An agent took the call: bridge it. */
  | { kind: 'connect'; agentId: string; agentName: string; phone: string | null }
  /** The contact left the queue without an agent (overflowed, moved away, the process lost it): say it and end. */
  | { kind: 'over'; say: string };

interface WaitingCall {
  locale: string;
  treatment: WaitTreatment;
  /** On the leg's own clock (wall time for Twilio, caller audio for media streams); null before the first prompt. */
  lastPromptAt: number | null;
}

const DEFAULT_PROMPT_SECONDS = 30;

/**
 * Voice callers waiting for an agent, for both voice legs (Twilio's `<Enqueue waitUrl>` and the media-stream
 * gateway): it puts the call in its queue with the bot's context, says when a hold prompt is due and what it says in
 * the caller's locale, takes the callback key (the contact keeps its place and the call may end), and tells the leg
 * when an agent has answered.
 */
export class VoiceQueue {
  /** The contact center this process routes, if it does (voice calls wait where they are routed). */
  readonly #centerOf: () => ContactCenter | undefined;
  readonly #calls = new Map<string, WaitingCall>();

  constructor(centerOf: () => ContactCenter | undefined) {
    this.#centerOf = centerOf;
  }

  /** Whether a transfer goes to the agents here (a queue the center has, or an agent): else the call ends as before. */
  accepts(transfer: TransferOutput): boolean {
    const center = this.#centerOf();
    return (
      center !== undefined && (center.router.queue(transfer.queue ?? '') !== undefined || transfer.agent !== undefined)
    );
  }

  /**
   * Hands a voice session that ended in a transfer to the contact center; answers false (and queues nothing) when the
   * transfer names no queue the center has, so the leg can end the call as before.
   */
  async enter(
    contact: { id: string; flowId: string; locale: string },
    transfer: TransferOutput,
    bridge: 'dial' | 'browser',
  ): Promise<boolean> {
    const center = this.#centerOf();
    if (!center || !this.accepts(transfer)) return false;
    const queue = center.router.queue(transfer.queue ?? '');
    // A webhook Twilio retries replays the transfer turn: the contact is queued once.
    if (this.#calls.has(contact.id) || center.handoffOf(contact.id)) return true;
    await center.handoff({ ...contact, channel: 'voice' }, transfer, { bridge });
    const waiting = transfer.routing?.waiting;
    const key = queue?.callbackKey ?? '1';
    this.#calls.set(contact.id, {
      locale: contact.locale,
      lastPromptAt: null,
      treatment: {
        everySeconds: waiting?.everySeconds ?? queue?.holdPromptSeconds ?? DEFAULT_PROMPT_SECONDS,
        announcePosition: waiting?.announcePosition ?? true,
        ...(waiting?.message === undefined ? {} : { message: waiting.message }),
        callbackKey: key === 'none' ? null : key,
      },
    });
    return true;
  }

  /** Whether this process is holding the call of `contactId` in a queue. */
  has(contactId: string): boolean {
    return this.#calls.has(contactId);
  }

  /** The call waits again (transferred back to a queue): its place is said at the next step. */
  announceNext(contactId: string): void {
    const call = this.#calls.get(contactId);
    if (call) call.lastPromptAt = null;
  }

  /** The locale the caller is spoken to in. */
  locale(contactId: string): string | undefined {
    return this.#calls.get(contactId)?.locale ?? this.#centerOf()?.handoffOf(contactId)?.context.locale;
  }

  /** The call's waiting treatment. */
  treatment(contactId: string): WaitTreatment | undefined {
    return this.#calls.get(contactId)?.treatment;
  }

  /** What the leg does now (`at` on the leg's own clock, in ms); with `canSpeak` false no prompt is made due yet. */
  step(contactId: string, at: number, canSpeak = true): WaitStep {
    const call = this.#calls.get(contactId);
    const center = this.#centerOf();
    const handoff = center?.handoffOf(contactId);
    const locale = call?.locale ?? handoff?.context.locale ?? 'en';
    if (!call || !center || !handoff) return { kind: 'over', say: queueClosedPrompt(locale) };
    if (handoff.status === 'connected' && handoff.agentId) {
      const agent = center.router.agent(handoff.agentId);
      return {
        kind: 'connect',
        agentId: handoff.agentId,
        agentName: agent?.definition.name ?? handoff.agentId,
        phone: agent?.definition.phone ?? null,
      };
    }
    if (handoff.status !== 'waiting') return { kind: 'over', say: queueClosedPrompt(locale) };
    const due =
      canSpeak && (call.lastPromptAt === null || at - call.lastPromptAt >= call.treatment.everySeconds * 1000);
    if (!due) return { kind: 'wait', say: null };
    call.lastPromptAt = at;
    const prompt = holdPrompt(locale, center.router.position(contactId), call.treatment);
    return { kind: 'wait', say: prompt === '' ? null : prompt };
  }

  /**
   * A key the waiting caller pressed: the callback key keeps the contact's place as a callback and answers what to
   * say before the call ends; any other key answers null (ignored).
   */
  async press(contactId: string, digit: string): Promise<string | null> {
    const call = this.#calls.get(contactId);
    if (!call || call.treatment.callbackKey === null || digit !== call.treatment.callbackKey) return null;
    const center = this.#centerOf();
    if (!center || center.handoffOf(contactId)?.status !== 'waiting') return null;
    await center.requestCallback(contactId);
    this.#calls.delete(contactId);
    return callbackConfirmation(call.locale);
  }

  /**
   * The caller's leg is gone (hung up, stream closed, the agent leg ended): a waiting contact is abandoned, a
   * connected one ends for the agent (wrap-up), a callback keeps its place.
   */
  async callEnded(contactId: string): Promise<void> {
    this.#calls.delete(contactId);
    const center = this.#centerOf();
    const handoff = center?.handoffOf(contactId);
    if (!center || !handoff || handoff.context.callback) return;
    await center.customerLeft(contactId);
  }
}
