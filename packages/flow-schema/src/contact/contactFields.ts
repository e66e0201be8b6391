/**
 * The read-only `contact` system variable: facts about the conversation every flow may read (never write) in
 * expressions, conditions and prompt templates, like the implicit `channel` and `locale`.
 */
export const CONTACT_ROOT = 'contact';

/** The fields of `contact`, in the order pickers and docs list them; `attributes` is a map read as `attributes.<name>`. */
export const CONTACT_FIELDS = [
  'id',
  'channel',
  'direction',
  'callerNumber',
  'dialedNumber',
  'locale',
  'startedAt',
  'previousContacts',
  'customerId',
  'attributes',
  'sentiment',
  'sentimentTrend',
] as const;

/** A field of the `contact` system variable. */
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The contact fields masked wherever values are shown, unless the runtime is configured otherwise. */
export const DEFAULT_SENSITIVE_CONTACT_FIELDS: readonly ContactField[] = ['callerNumber', 'dialedNumber', 'customerId'];

/** Which way a contact was placed: the caller reached us, or we called them (a campaign). */
export type ContactDirection = 'inbound' | 'outbound';

/** Where `contact.sentiment` is heading over the last caller turns. */
export type ContactSentimentTrend = 'improving' | 'stable' | 'worsening';

/** Whether a name is a field of `contact`. */
export function isContactField(name: string): name is ContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(name);
}

/**
 * The contact field a dotted path reads (`contact.callerNumber` → `callerNumber`), `''` for the whole `contact`, or
 * `undefined` when the path does not start at `contact`.
 */
export function contactFieldOf(path: string): string | undefined {
  if (path === CONTACT_ROOT) return '';
  if (!path.startsWith(`${CONTACT_ROOT}.`)) return undefined;
  return path.slice(CONTACT_ROOT.length + 1).split('.')[0];
}
