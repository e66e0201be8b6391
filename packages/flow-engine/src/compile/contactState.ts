import type { ContactDirection, ContactSentimentTrend, Locale } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { MASK } from './maskValue.ts';
import type { EngineState } from './engineContext.ts';

/**
 * What the channel knows about a contact when its session starts (the runtime fills it from the Twilio webhook,
 * the media stream, the chat page or the API); flows read it as `contact.*`, never write it.
 */
export interface ContactFacts {
  direction?: ContactDirection;
  /** The caller's number, E.164 where known. */
  callerNumber?: string;
  /** The number the caller dialed (inbound) or that called them (outbound). */
  dialedNumber?: string;
  /** This caller's contacts in the 7 days before this one. */
  previousContacts?: number;
  /** Channel attributes: Twilio call parameters, media-stream custom parameters, the chat page's data attributes. */
  attributes?: Record<string, string>;
  /** The customer this contact was verified as (usually set during the call by a verification node). */
  customerId?: string;
}

/**
 * The contact as the engine keeps it in its persisted state: the session id, the facts given at start (only those
 * known, so an unknown caller costs no bytes), the customer a handler verified, and the scores of the last caller
 * turns with their trend. Channel, locale and start time live in the state already.
 */
export interface ContactState extends ContactFacts {
  id: string;
  /** Sentiment of the last caller turns (−1..1, oldest first, at most {@link SENTIMENT_WINDOW}). */
  moods?: number[];
  trend?: ContactSentimentTrend;
}

/** How many caller turns `contact.sentimentTrend` looks back over. */
export const SENTIMENT_WINDOW = 5;

/** What a handler may set on the contact: only the verified customer (see `HandlerResult.contact`). */
export interface ContactChanges {
  customerId: string;
}

/** The longest customer id a handler may set; longer ones are a handler bug, sent down the `error` port. */
export const MAX_CUSTOMER_ID_LENGTH = 128;

/** The state's contact for a session starting with `facts` (a copy of the known facts only). */
export function startContact(id: string, facts: ContactFacts | undefined): ContactState {
  const contact: ContactState = { id };
  if (facts === undefined) return contact;
  if (facts.direction !== undefined) contact.direction = facts.direction;
  if (facts.callerNumber !== undefined) contact.callerNumber = facts.callerNumber;
  if (facts.dialedNumber !== undefined) contact.dialedNumber = facts.dialedNumber;
  if (facts.previousContacts !== undefined) contact.previousContacts = facts.previousContacts;
  if (facts.attributes !== undefined && Object.keys(facts.attributes).length > 0)
    contact.attributes = { ...facts.attributes };
  if (facts.customerId !== undefined) contact.customerId = facts.customerId;
  return contact;
}

/**
 * The `contact` value flows read, with every field present (unknown ones `null`, no attributes `{}`); the fields in
 * `masked` read as `****` (prompts and anything shown), the others in clear (expressions).
 */
export function contactValue(
  state: Pick<EngineState, 'contact' | 'channel' | 'startedAt'>,
  locale: Locale,
  masked: ReadonlySet<string> | null,
): Record<string, unknown> {
  const contact = state.contact;
  const moods = contact.moods;
  const value: Record<string, unknown> = {
    id: contact.id,
    channel: state.channel,
    direction: contact.direction ?? 'inbound',
    callerNumber: contact.callerNumber ?? null,
    dialedNumber: contact.dialedNumber ?? null,
    locale,
    startedAt: new Date(state.startedAt).toISOString(),
    previousContacts: contact.previousContacts ?? 0,
    customerId: contact.customerId ?? null,
    attributes: { ...contact.attributes },
    sentiment: moods && moods.length > 0 ? (moods.at(-1) ?? null) : null,
    sentimentTrend: contact.trend ?? 'stable',
  };
  if (masked) for (const field of masked) if (value[field] !== null && field in value) value[field] = MASK;
  return value;
}

/**
 * Reads a handler result's `contact` (only `customerId`, a non-empty string of at most 128 characters), or says what
 * is wrong with it.
 */
export function readContactChanges(
  value: unknown,
): { ok: true; changes: ContactChanges } | { ok: false; reason: string } {
  if (!isRecord(value)) return { ok: false, reason: 'contact must be an object such as { customerId: "C-1" }' };
  const unknown = Object.keys(value).filter((key) => key !== 'customerId');
  if (unknown.length > 0)
    return { ok: false, reason: `contact.${unknown[0]} cannot be set by a handler (only contact.customerId can)` };
  const id = value.customerId;
  if (typeof id !== 'string' || id === '' || id.length > MAX_CUSTOMER_ID_LENGTH)
    return { ok: false, reason: `contact.customerId must be a string of 1 to ${MAX_CUSTOMER_ID_LENGTH} characters` };
  return { ok: true, changes: { customerId: id } };
}
