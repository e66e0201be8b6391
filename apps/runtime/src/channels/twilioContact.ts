import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { keepAttributes, normalizePhoneNumber, type ContactInput } from '../contact/contactInput.ts';

/**
 * Twilio parameters that are not kept as `contact.attributes`: the numbers (they are `callerNumber`/`dialedNumber`,
 * and `Caller`/`Called` repeat them), the account, the API version and the call token (a credential for forwarding
 * the call).
 */
const NOT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'From',
  'To',
  'Caller',
  'Called',
  'AccountSid',
  'ApiVersion',
  'CallToken',
]);

/**
 * The contact of a Twilio voice webhook: direction from `Direction` (`outbound-api`/`outbound-dial` are outbound),
 * the customer's and our number in E.164 (for an outbound call the customer is `To`), and the other call parameters
 * (`CallSid`, `CallerName`, `FromCity`, `ForwardedFrom`, …) as attributes. `dropped` counts parameters that could
 * not be kept (a name flows cannot read, too many, empty).
 */
export function twilioContact(params: Readonly<Record<string, string>>): { contact: ContactInput; dropped: number } {
  const outbound = (params['Direction'] ?? '').startsWith('outbound');
  const from = normalizePhoneNumber(params['From'], countryOf(params['FromCountry']));
  const to = normalizePhoneNumber(params['To'], countryOf(params['ToCountry']));
  const contact: ContactInput = { direction: outbound ? 'outbound' : 'inbound' };
  const callerNumber = outbound ? to : from;
  const dialedNumber = outbound ? from : to;
  if (callerNumber !== undefined) contact.callerNumber = callerNumber;
  if (dialedNumber !== undefined) contact.dialedNumber = dialedNumber;
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (!NOT_ATTRIBUTES.has(name) && value !== '') rest[name] = value;
  const { attributes, dropped } = keepAttributes(rest);
  if (Object.keys(attributes).length > 0) contact.attributes = attributes;
  return { contact, dropped };
}

function countryOf(value: string | undefined): CountryCode | undefined {
  // Twilio sends ISO 3166 alpha-2 codes.
  return value !== undefined && isSupportedCountry(value) ? value : undefined;
}
