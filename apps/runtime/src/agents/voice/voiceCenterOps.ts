import type { OutputEvent } from '@omniflow/flow-engine';
import type { ContactCenter } from '../ContactCenter.ts';
import { holdPrompt, queueClosedPrompt, type HoldPlace } from './holdPrompts.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;

/** How a voice caller waits: a prompt every `everySeconds` (place, message, callback offer), hold audio between. */
export interface WaitTreatment {
  everySeconds: number;
  announcePosition: boolean;
  message?: string;
  /** Null: no callback is offered. */
  callbackKey: string | null;
}

/**
 * A voice contact as the routing process sees it, for the process holding the caller's leg (JSON: it crosses
 * processes): waiting with its place, connected to an agent, or over.
 */
export interface VoiceState {
  status: 'waiting' | 'connected' | 'over';
  locale: string;
  agentId: string | null;
  agentName: string | null;
  /** The agent's phone number or SIP address (a Twilio bridge dials it). */
  phone: string | null;
  place: HoldPlace | null;
  treatment: WaitTreatment;
  /** The caller asked to be called back (the call may end; the contact keeps its place). */
  callback: boolean;
}

/** What a waiting caller's leg does next. */
export type WaitStep =
  /** Keep waiting; say `say` first when a prompt is due. */
  | { kind: 'wait'; say: string | null }
  /** An agent took the call: bridge it. */
  | { kind: 'connect'; agentId: string; agentName: string; phone: string | null }
  /** The contact left the queue without an agent (overflowed, moved away, the process lost it): say it and end. */
  | { kind: 'over'; say: string };

const DEFAULT_PROMPT_SECONDS = 30;

/**
 * Puts a voice call that the bot handed over into its queue (once: a replayed webhook finds it there) with its
 * waiting treatment, and answers its state; null when the transfer names no queue or agent of the center.
 */
export async function voiceEnter(
  center: ContactCenter,
  contact: { id: string; flowId: string; locale: string },
  transfer: TransferOutput,
  bridge: 'dial' | 'browser',
): Promise<VoiceState | null> {
  const queue = center.router.queue(transfer.queue ?? '');
  if (!queue && transfer.agent === undefined) return null;
  if (!center.handoffOf(contact.id)) {
    const waiting = transfer.routing?.waiting;
    const key = queue?.callbackKey ?? '1';
    const wait: WaitTreatment = {
      everySeconds: waiting?.everySeconds ?? queue?.holdPromptSeconds ?? DEFAULT_PROMPT_SECONDS,
      announcePosition: waiting?.announcePosition ?? true,
      ...(waiting?.message === undefined ? {} : { message: waiting.message }),
      callbackKey: key === 'none' ? null : key,
    };
    await center.handoff({ ...contact, channel: 'voice' }, transfer, { bridge, wait });
  }
  return voiceStateOf(center, contact.id);
}

/** A voice contact's state now, or null when the center does not hold it. */
export function voiceStateOf(center: ContactCenter, contactId: string): VoiceState | null {
  const handoff = center.handoffOf(contactId);
  if (!handoff) return null;
  const connected = handoff.status === 'connected' && handoff.agentId !== null;
  const agent = connected && handoff.agentId ? center.router.agent(handoff.agentId) : undefined;
  return {
    status: connected ? 'connected' : handoff.status === 'waiting' ? 'waiting' : 'over',
    locale: handoff.context.locale,
    agentId: connected ? handoff.agentId : null,
    agentName: connected ? (agent?.definition.name ?? handoff.agentId) : null,
    phone: agent?.definition.phone ?? null,
    place: center.router.position(contactId) ?? null,
    treatment: handoff.context.voice?.wait ?? {
      everySeconds: DEFAULT_PROMPT_SECONDS,
      announcePosition: true,
      callbackKey: '1',
    },
    callback: handoff.context.callback !== undefined,
  };
}

/**
 * The next step of a waiting leg (`at` and `promptedAt` on the leg's own clock, ms): bridge, end, or wait — with the
 * hold prompt when one is due and `canSpeak`. Answers when the prompt was said (unchanged when none was due).
 */
export function nextWaitStep(
  state: VoiceState | null,
  fallbackLocale: string,
  promptedAt: number | null,
  at: number,
  canSpeak = true,
): { step: WaitStep; promptedAt: number | null } {
  if (!state || state.status === 'over')
    return { step: { kind: 'over', say: queueClosedPrompt(state?.locale ?? fallbackLocale) }, promptedAt };
  if (state.status === 'connected' && state.agentId !== null)
    return {
      step: { kind: 'connect', agentId: state.agentId, agentName: state.agentName ?? '', phone: state.phone },
      promptedAt,
    };
  const due = canSpeak && (promptedAt === null || at - promptedAt >= state.treatment.everySeconds * 1000);
  if (!due) return { step: { kind: 'wait', say: null }, promptedAt };
  const prompt = holdPrompt(state.locale, state.place ?? undefined, state.treatment);
  return { step: { kind: 'wait', say: prompt === '' ? null : prompt }, promptedAt: at };
}

/** When each Twilio caller last heard a prompt, per routing center (Twilio's webhooks may reach any process). */
const twilioPrompts = new WeakMap<ContactCenter, Map<string, number>>();

/**
 * A Twilio wait webhook's step, decided where the center routes: the webhooks of one call may reach any process, so
 * the time of the last prompt is kept here (a new routing process says the place at once, then every N seconds).
 */
export function twilioWaitStep(
  center: ContactCenter,
  contactId: string,
  at: number,
): { step: WaitStep; locale: string; callbackKey: string | null } {
  let prompts = twilioPrompts.get(center);
  if (!prompts) twilioPrompts.set(center, (prompts = new Map()));
  const state = voiceStateOf(center, contactId);
  const next = nextWaitStep(state, 'en', prompts.get(contactId) ?? null, at);
  if (next.step.kind === 'wait' && next.promptedAt !== null) prompts.set(contactId, next.promptedAt);
  else if (next.step.kind !== 'wait') prompts.delete(contactId);
  return { step: next.step, locale: state?.locale ?? 'en', callbackKey: state?.treatment.callbackKey ?? null };
}

/** The waiting caller pressed the callback key: the contact keeps its place as a callback. Answers whether it did. */
export async function voiceCallback(center: ContactCenter, contactId: string): Promise<boolean> {
  if (center.handoffOf(contactId)?.status !== 'waiting') return false;
  await center.requestCallback(contactId);
  return true;
}

/**
 * The caller's leg is gone (hung up, stream closed, the agent leg ended): a waiting contact is abandoned, a connected
 * one ends for the agent (wrap-up), a callback keeps its place.
 */
export async function voiceEnded(center: ContactCenter, contactId: string): Promise<void> {
  const handoff = center.handoffOf(contactId);
  if (!handoff || handoff.context.callback) return;
  await center.customerLeft(contactId);
}
