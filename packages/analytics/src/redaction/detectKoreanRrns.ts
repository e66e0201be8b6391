import type { RedactionEntity } from './redactionEntity.ts';
import { isRealDate } from './isRealDate.ts';

// YYMMDD, a separator or none, then the century-and-sex digit (1–4 citizens, 5–8 foreign residents) and six digits.
const KR_RRN = /(?<![0-9A-Za-z])(\d{2})([01]\d)([0-3]\d)([ -]?)([1-8])(\d{6})(?![0-9A-Za-z])/gu;
const KR_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
// Numbers issued from October 2020 end in random digits instead of a region code and a check digit.
const KR_NO_CHECKSUM_SINCE = 20201001;

/**
 * Finds Korean resident registration numbers: a real birth date and a century digit, plus the check digit when the
 * number is written without a separator (a written `YYMMDD-NNNNNNN` is taken on its form, since numbers issued since
 * October 2020 carry no check digit; a bare 13-digit run needs one unless its birth date is after that change).
 */
export function detectKoreanRrns(text: string): RedactionEntity[] {
  const found: RedactionEntity[] = [];
  for (const match of text.matchAll(KR_RRN)) {
    const [whole, yy = '', mm = '', dd = '', separator = '', sex = '', rest = ''] = match;
    const century = sex === '1' || sex === '2' || sex === '5' || sex === '6' ? 1900 : 2000;
    const year = century + Number(yy);
    if (!isRealDate(year, Number(mm), Number(dd))) continue;
    const digits = yy + mm + dd + sex + rest;
    const born = year * 10000 + Number(mm) * 100 + Number(dd);
    if (separator !== '' || born >= KR_NO_CHECKSUM_SINCE || hasKoreanCheckDigit(digits)) {
      found.push({ type: 'kr_rrn', start: match.index, end: match.index + whole.length });
    }
  }
  return found;
}

function hasKoreanCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (KR_WEIGHTS[i] ?? 0);
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}
