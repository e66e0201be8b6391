import { keepAttributes, normalizePhoneNumber, type ContactInput } from '../contact/contactInput.ts';

const CALLER_NAMES = ['callerNumber', 'from', 'From'];
const DIALED_NAMES = ['dialedNumber', 'to', 'To'];
/** The parameters that are the contact's numbers and direction (never attributes). */
export const NUMBER_NAMES: ReadonlySet<string> = new Set([...CALLER_NAMES, ...DIALED_NAMES, 'direction']);

/**
 * The contact of a media stream from its custom parameters (Twilio `<Parameter>`s, the jambonz metadata, the
 * browser's start): `callerNumber` (or `from`/`From`), `dialedNumber` (or `to`/`To`) in E.164 where they parse,
 * `direction` (`outbound` or inbound), and every other parameter as `contact.attributes.<name>`. The gateway's own
 * parameters (token, flow, locale, draft) are taken out before. `dropped` counts parameters not kept as attributes.
 */
export function mediaStreamContact(parameters: Readonly<Record<string, string>>): {
  contact: ContactInput;
  dropped: number;
} {
  const contact: ContactInput = { direction: parameters['direction'] === 'outbound' ? 'outbound' : 'inbound' };
  const callerNumber = normalizePhoneNumber(firstOf(parameters, CALLER_NAMES));
  const dialedNumber = normalizePhoneNumber(firstOf(parameters, DIALED_NAMES));
  if (callerNumber !== undefined) contact.callerNumber = callerNumber;
  if (dialedNumber !== undefined) contact.dialedNumber = dialedNumber;
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) if (!NUMBER_NAMES.has(name)) rest[name] = value;
  const { attributes, dropped } = keepAttributes(rest);
  if (Object.keys(attributes).length > 0) contact.attributes = attributes;
  return { contact, dropped };
}

function firstOf(parameters: Readonly<Record<string, string>>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = parameters[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}
