import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Why a PIN is refused, or `null` when it is acceptable. */
export type PinRejection = 'format' | 'sameDigits' | 'sequence' | 'dateOfBirth';

/** Human-readable explanations of each rejection, returned to callers as `reason`. */
export const PIN_REJECTION_REASONS: Readonly<Record<PinRejection, string>> = {
  format: 'A PIN is exactly four digits.',
  sameDigits: 'A PIN may not repeat one digit four times.',
  sequence: 'A PIN may not be a run of consecutive digits such as 1234 or 4321.',
  dateOfBirth: 'A PIN may not be part of your date of birth.',
};

/** Checks a proposed PIN against the bank's rules; `dateOfBirth` is `YYYY-MM-DD`. */
export function checkPin(pin: string, dateOfBirth: string): PinRejection | null {
  if (!/^\d{4}$/.test(pin)) return 'format';
  if (/^(\d)\1{3}$/.test(pin)) return 'sameDigits';
  const steps = [1, 2, 3].map((i) => Number(pin[i]) - Number(pin[i - 1]));
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'sequence';
  const [year = '', month = '', day = ''] = dateOfBirth.split('-');
  if ([year, month + day, day + month].includes(pin)) return 'dateOfBirth';
  return null;
}

/** Hashes a PIN with a fresh random salt (scrypt); only the result is ever stored. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

/** Tells whether `pin` matches a hash produced by {@link hashPin}. */
export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split(':');
  if (scheme !== 'scrypt' || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  return timingSafeEqual(scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length), expected);
}
