/** How a contact record shows a caller or dialed number (`OMNIFLOW_CONTACT_MASK`, see contactMaskSetting). */
export type NumberMask = 'last4' | 'all' | 'none';

/** The mask settings the loader accepts, in the order the README lists them. */
export const NUMBER_MASKS: readonly NumberMask[] = ['last4', 'all', 'none'];

/**
 * A phone number as shown: `last4` keeps a leading `+` and the last four digits (`+86•••••••1234`), `all` hides every
 * digit, `none` shows it as stored. Numbers of four characters or fewer are hidden whole under `last4`.
 */
export function maskNumber(value: string | null, mask: NumberMask): string | null {
  if (value === null || mask === 'none') return value;
  const chars = [...value];
  const keep = mask === 'last4' && chars.length > 4 ? 4 : 0;
  return chars.map((c, i) => (i >= chars.length - keep || (i === 0 && c === '+') ? c : '•')).join('');
}
