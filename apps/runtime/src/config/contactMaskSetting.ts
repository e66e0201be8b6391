import { CONTACT_FIELDS, isContactField, type ContactField } from '@omniflow/flow-schema';
import { NUMBER_MASKS, type NumberMask } from '../contacts/maskNumber.ts';
import { ConfigError } from './loadConfig.ts';

/** The contact fields that are phone numbers: a stored contact record holds them, shown in a style of their own. */
const NUMBER_FIELDS = ['callerNumber', 'dialedNumber'] as const;

/** What the masking setting says, read once at start-up. */
export interface ContactMask {
  /**
   * The fields shown as `****` wherever the engine shows the contact: prompts, turn replies, transfers (so the desk's
   * hand-over), transcripts, the API's `session.contact` and the designer's simulator.
   */
  fields: ContactField[];
  /** How contact records (search, one contact, exports) show each number: `none` when the number is not masked. */
  numbers: Record<(typeof NUMBER_FIELDS)[number], NumberMask>;
}

/** The setting's value when nobody sets it. */
export const DEFAULT_CONTACT_MASK = 'callerNumber:last4,dialedNumber:last4,customerId';

/**
 * Reads `OMNIFLOW_CONTACT_MASK` (or the config file's `contactMask`), the one masking setting for contact values: a
 * comma-separated list of the fields masked everywhere, a number field optionally with how a contact record shows it
 * (`callerNumber:last4` keeps the last four digits there, plain `callerNumber` hides every digit), or `none`.
 * `legacyNumbers` is the deprecated `OMNIFLOW_CONTACT_NUMBER_MASK` (`contactNumberMask`): when given it still decides
 * how records show both numbers, and `warnings` says what to set instead. A name or style that does not exist stops
 * start-up: a misspelt name would leave a number in clear.
 */
export function contactMaskSetting(value: unknown, legacyNumbers?: unknown): { mask: ContactMask; warnings: string[] } {
  const raw = value === undefined || value === null || value === '' ? DEFAULT_CONTACT_MASK : value;
  const items = (Array.isArray(raw) ? raw.map(String) : String(raw).split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const mask: ContactMask = { fields: [], numbers: { callerNumber: 'none', dialedNumber: 'none' } };
  if (!(items.length === 1 && items[0] === 'none')) {
    const unknown: string[] = [];
    for (const item of items) {
      const [name = '', style, ...rest] = item.split(':');
      if (!isContactField(name)) {
        unknown.push(name);
        continue;
      }
      const number = NUMBER_FIELDS.find((field) => field === name);
      if (rest.length > 0 || (style !== undefined && (number === undefined || (style !== 'last4' && style !== 'all'))))
        throw new ConfigError(
          `OMNIFLOW_CONTACT_MASK: "${item}" is not a masked field; only callerNumber and dialedNumber take a style, ":last4" (keep the last four digits in contact records) or ":all".`,
        );
      mask.fields.push(name);
      if (number) mask.numbers[number] = style === 'last4' ? 'last4' : 'all';
    }
    if (unknown.length > 0)
      throw new ConfigError(
        `OMNIFLOW_CONTACT_MASK names ${unknown.map((name) => JSON.stringify(name)).join(', ')}, which are not contact fields; use some of ${CONTACT_FIELDS.join(', ')} (numbers optionally with ":last4"), or "none".`,
      );
  }
  if (legacyNumbers === undefined || legacyNumbers === null || legacyNumbers === '') return { mask, warnings: [] };
  const legacy = NUMBER_MASKS.find((style) => style === String(legacyNumbers));
  if (legacy === undefined)
    throw new ConfigError(
      `OMNIFLOW_CONTACT_NUMBER_MASK (deprecated) must be one of ${NUMBER_MASKS.join(', ')}, got "${String(legacyNumbers)}"; better, drop it and set OMNIFLOW_CONTACT_MASK.`,
    );
  for (const field of NUMBER_FIELDS) mask.numbers[field] = legacy;
  return { mask, warnings: [legacyWarning(mask, legacy)] };
}

/** The deprecation warning, with the value of the one setting that does the same where one exists. */
function legacyWarning(mask: ContactMask, legacy: NumberMask): string {
  const head =
    'OMNIFLOW_CONTACT_NUMBER_MASK (config file: contactNumberMask) is deprecated and will be removed; it still decides how contact records show numbers.';
  if (legacy === 'none')
    return `${head} OMNIFLOW_CONTACT_MASK alone governs masking: leave callerNumber and dialedNumber out of it to show numbers in clear (in variables and transfers too).`;
  const fields = mask.fields.map((field) =>
    NUMBER_FIELDS.some((number) => number === field) && legacy === 'last4' ? `${field}:last4` : field,
  );
  for (const field of NUMBER_FIELDS)
    if (!mask.fields.includes(field)) fields.push(legacy === 'last4' ? `${field}:last4` : field);
  return `${head} Set OMNIFLOW_CONTACT_MASK=${fields.join(',')} instead.`;
}
