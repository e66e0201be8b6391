import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { CONTACT_ATTRIBUTE_NAME, CONTACT_LIMITS, type ContactDirection } from '@omniflow/flow-schema';

/**
 * What a channel (or an API client) tells about a contact when its session starts (the shared contract of issue 15);
 * flows read it as `contact.direction`, `contact.callerNumber`, `contact.dialedNumber` and `contact.attributes.*`.
 */
export interface ContactInput {
  direction?: ContactDirection;
  callerNumber?: string;
  dialedNumber?: string;
  attributes?: Record<string, string>;
}

const REFUSED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A telephone number in E.164 (`+14155550100`) when it parses as one (with `country` for national numbers), else
 * the trimmed text as the channel gave it (`anonymous`, `client:alice`), cut to the length limit; `undefined` when
 * empty.
 */
export function normalizePhoneNumber(raw: string | undefined, country?: CountryCode): string | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  if (parsed?.isPossible()) return parsed.number;
  return text.slice(0, CONTACT_LIMITS.maxNumberLength);
}

/**
 * The attributes a channel may keep from what it received (Twilio call parameters, media-stream custom parameters):
 * string values under names flows can read, within the size limits; the rest is dropped and counted, because a
 * phone call must not fail over a parameter the flow may not even read. API input is validated strictly instead.
 */
export function keepAttributes(values: Readonly<Record<string, unknown>>): {
  attributes: Record<string, string>;
  dropped: number;
} {
  const attributes: Record<string, string> = {};
  let dropped = 0;
  for (const [name, value] of Object.entries(values)) {
    const usable =
      typeof value === 'string' &&
      value !== '' &&
      CONTACT_ATTRIBUTE_NAME.test(name) &&
      name.length <= CONTACT_LIMITS.maxAttributeNameLength &&
      !REFUSED_NAMES.has(name) &&
      Object.keys(attributes).length < CONTACT_LIMITS.maxAttributes;
    if (usable) attributes[name] = value.slice(0, CONTACT_LIMITS.maxAttributeValueLength);
    else dropped += 1;
  }
  return { attributes, dropped };
}
