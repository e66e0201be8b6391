import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import type { AnalysisLocale } from '../analysisLocale.ts';
import type { RedactionEntity } from './redactionEntity.ts';

// Digits glued to letters (REF-2024-000123, TKT#88412) are a code, not a number to dial.
const CANDIDATE = /(?<![A-Za-z0-9]|[A-Za-z][-#/])\+?\(?\d[\d ()\-.]{4,22}\d/gu;

// The contact's own country first: the first country that reads a candidate as a valid number wins.
const COUNTRIES: Readonly<Record<AnalysisLocale, readonly CountryCode[]>> = {
  en: ['US', 'CN', 'KR'],
  'zh-CN': ['CN', 'US', 'KR'],
  'ko-KR': ['KR', 'US', 'CN'],
};

// libphonenumber takes ~0.1 ms per call and a turn would need up to three countries per candidate: a candidate is only
// handed to it for a country whose national numbers have its digit count and first digit, which leaves dates,
// amounts and order numbers out without a call. The "max" metadata then checks the number type.
const NATIONAL_SHAPES: Readonly<Record<string, (digits: string) => boolean>> = {
  US: (digits) => (digits.length === 10 && /^[2-9]/u.test(digits)) || (digits.length === 11 && digits.startsWith('1')),
  CN: (digits) =>
    (digits.length === 11 && /^1[3-9]/u.test(digits)) ||
    (digits.length >= 10 && digits.length <= 12 && digits.startsWith('0')),
  KR: (digits) =>
    (digits.length >= 9 && digits.length <= 11 && digits.startsWith('0')) ||
    (digits.length === 8 && /^1[5-9]/u.test(digits)),
};

/** Finds phone numbers valid in the US, China or Korea, or written in international form (+44 …), in width-folded text. */
export function detectPhoneNumbers(
  text: string,
  locale: AnalysisLocale,
  taken: readonly RedactionEntity[] = [],
): RedactionEntity[] {
  const found: RedactionEntity[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const start = candidate.index;
    const end = start + candidate[0].length;
    // A card or an ID already claimed these digits; asking libphonenumber about them again only costs time.
    if (taken.some((entity) => entity.start <= start && entity.end >= end)) continue;
    const digits = candidate[0].replace(/\D/gu, '');
    const international = candidate[0].startsWith('+') && digits.length >= 8 && digits.length <= 15;
    for (const country of COUNTRIES[locale]) {
      if (!international && NATIONAL_SHAPES[country]?.(digits) !== true) continue;
      const numbers = findPhoneNumbersInText(candidate[0], country);
      for (const number of numbers)
        found.push({ type: 'phone', start: start + number.startsAt, end: start + number.endsAt });
      if (numbers.length > 0 || international) break;
    }
  }
  return found;
}
