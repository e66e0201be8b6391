import type { ContactFacts } from '@omniflow/flow-engine';
import { CONTACT_ATTRIBUTE_NAME, CONTACT_LIMITS } from '@omniflow/flow-schema';

/** The keys `--contact key=value` takes, as the help lists them. */
export const CONTACT_OPTION_KEYS = [
  'direction',
  'callerNumber',
  'dialedNumber',
  'customerId',
  'previousContacts',
  'attributes.<name>',
] as const;

const REFUSED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads every `--contact key=value` of a command line into the contact a simulated conversation starts with (what a
 * channel tells, plus the engine's `previousContacts` and `customerId`), with the limits the runtime's API enforces.
 * Answers the first problem as a sentence naming the option and what to write instead.
 */
export function contactOptions(
  args: readonly string[],
): { ok: true; contact?: ContactFacts } | { ok: false; error: string } {
  const contact: ContactFacts = {};
  const attributes: Record<string, string> = {};
  const seen = new Set<string>();
  let given = false;
  for (let index = 0; index < args.length; index++) {
    if (args[index] !== '--contact') continue;
    given = true;
    const raw = args[index + 1];
    const fail = (why: string) => ({
      ok: false as const,
      error: `--contact ${raw === undefined ? '' : JSON.stringify(raw)}: ${why}`,
    });
    if (raw === undefined || raw.startsWith('--'))
      return fail(`give key=value after --contact; keys: ${CONTACT_OPTION_KEYS.join(', ')}.`);
    const equals = raw.indexOf('=');
    if (equals <= 0) return fail(`write key=value, e.g. direction=outbound; keys: ${CONTACT_OPTION_KEYS.join(', ')}.`);
    const key = raw.slice(0, equals);
    const value = raw.slice(equals + 1);
    if (seen.has(key)) return fail(`"${key}" is given twice; give it once.`);
    seen.add(key);
    if (key.startsWith('attributes.')) {
      const name = key.slice('attributes.'.length);
      if (
        !CONTACT_ATTRIBUTE_NAME.test(name) ||
        name.length > CONTACT_LIMITS.maxAttributeNameLength ||
        REFUSED_NAMES.has(name)
      )
        return fail(
          `an attribute name starts with a letter or "_" and holds letters, digits, "_" or "-" (at most ${CONTACT_LIMITS.maxAttributeNameLength}).`,
        );
      if (value.length > CONTACT_LIMITS.maxAttributeValueLength)
        return fail(`an attribute value holds at most ${CONTACT_LIMITS.maxAttributeValueLength} characters.`);
      if (Object.keys(attributes).length >= CONTACT_LIMITS.maxAttributes)
        return fail(`a contact has at most ${CONTACT_LIMITS.maxAttributes} attributes.`);
      attributes[name] = value;
      continue;
    }
    switch (key) {
      case 'direction':
        if (value !== 'inbound' && value !== 'outbound') return fail('direction is inbound or outbound.');
        contact.direction = value;
        break;
      case 'callerNumber':
      case 'dialedNumber':
        if (value.trim() === '' || value.length > CONTACT_LIMITS.maxNumberLength)
          return fail(`${key} is a number of 1 to ${CONTACT_LIMITS.maxNumberLength} characters, e.g. +14155550100.`);
        contact[key] = value.trim();
        break;
      case 'customerId':
        if (value === '' || value.length > 128) return fail('customerId is 1 to 128 characters.');
        contact.customerId = value;
        break;
      case 'previousContacts': {
        const count = Number(value);
        if (!/^\d+$/.test(value) || count > 100_000)
          return fail('previousContacts is a whole number from 0 to 100000.');
        contact.previousContacts = count;
        break;
      }
      default:
        return fail(`"${key}" is not a contact field; keys: ${CONTACT_OPTION_KEYS.join(', ')}.`);
    }
  }
  if (Object.keys(attributes).length > 0) contact.attributes = attributes;
  return given ? { ok: true, contact } : { ok: true };
}
