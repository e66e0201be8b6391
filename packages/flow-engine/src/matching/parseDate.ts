import { ENGLISH_DIGIT_WORDS, ENGLISH_ORDINALS, ENGLISH_TEENS, ENGLISH_TENS } from './numberWords.ts';
import { readCjkNumbers } from './readCjkNumbers.ts';
import { numberTokens, readEnglishNumbers } from './readEnglishNumbers.ts';
import { splitNumberText } from './splitNumberText.ts';

/** Two-digit years from this value up are read as 19xx, below it as 20xx ("90" → 1990, "05" → 2005). */
export const TWO_DIGIT_YEAR_PIVOT = 30;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Words around a spoken date that carry no part of it. */
const DATE_FILLERS: ReadonlySet<string> = new Set([
  'the',
  'of',
  'on',
  'in',
  'its',
  'it',
  'is',
  'my',
  'birthday',
  'date',
  'birth',
  'born',
  'i',
  'was',
  'am',
  'im',
  'dob',
  'year',
  'um',
  'uh',
  'er',
  'please',
  'thats',
  'that',
  'a',
  'and',
]);

/**
 * Reads a calendar date and returns it as ISO `YYYY-MM-DD`: "1990-05-17", "05/17/1990" (month first in en-US
 * and plain `en`, day first elsewhere; the other order when only it is valid), "17 May 1990", "May 17th,
 * 1990", "the seventeenth of May nineteen ninety", keypad "19900517" (YYYYMMDD), "1990年5月17日",
 * "一九九〇年五月十七号", "1990년 5월 17일", "천구백구십년 오월 십칠일". Two-digit years pivot at
 * TWO_DIGIT_YEAR_PIVOT. Returns null for anything that is not one whole, existing date.
 */
export function parseDate(text: string, locale: string): string | null {
  const plain = text.normalize('NFKC').trim().toLowerCase();
  const keypad = /^(\d{4})(\d{2})(\d{2})#?$/u.exec(plain.replace(/\s+/gu, ''));
  if (keypad !== null) return isoDate(Number(keypad[1]), Number(keypad[2]), Number(keypad[3]));
  const yearFirst = /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/u.exec(plain);
  if (yearFirst !== null) return isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const yearLast = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?!\d)/u.exec(plain);
  if (yearLast !== null) return numericYearLast(Number(yearLast[1]), Number(yearLast[2]), yearLast[3] ?? '', locale);
  const { cjk } = splitNumberText(plain.replace(/유월/gu, '6월').replace(/시월/gu, '10월'), locale);
  if (cjk !== '') return cjkDate(cjk);
  return spokenDate(numberTokens(plain).filter((token) => !DATE_FILLERS.has(token)));
}

function numericYearLast(first: number, second: number, yearText: string, locale: string): string | null {
  const year = yearText.length === 2 ? expandYear(Number(yearText)) : Number(yearText);
  const monthFirst = /^en(?:$|[-_]us\b)/iu.test(locale.trim());
  const preferred = monthFirst ? isoDate(year, first, second) : isoDate(year, second, first);
  return preferred ?? (monthFirst ? isoDate(year, second, first) : isoDate(year, first, second));
}

function cjkDate(cjk: string): string | null {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const { value, unit } of readCjkNumbers(cjk)) {
    if ((unit === '年' || unit === '년') && year === undefined) year = value < 100 ? expandYear(value) : value;
    else if ((unit === '月' || unit === '월') && month === undefined) month = value;
    else if ((unit === '日' || unit === '号' || unit === '일') && day === undefined) day = value;
    else return null;
  }
  if (year === undefined || month === undefined || day === undefined) return null;
  return isoDate(year, month, day);
}

/** "may 17th 1990", "17 may 1990", "seventeenth may nineteen ninety" — fillers already removed. */
function spokenDate(tokens: readonly string[]): string | null {
  const monthIndexes = tokens.flatMap((token, index) => (MONTHS.has(token) ? [index] : []));
  const [monthIndex] = monthIndexes;
  if (monthIndexes.length !== 1 || monthIndex === undefined) return null;
  const month = MONTHS.get(tokens[monthIndex] ?? '') ?? 0;
  const before = tokens.slice(0, monthIndex);
  const after = tokens.slice(monthIndex + 1);
  if (before.length === 0) {
    const day = readDay(after);
    if (day === null) return null;
    const year = readYear(after.slice(day.used));
    return year === null ? null : isoDate(year, month, day.value);
  }
  const day = readDay(before);
  if (day === null || day.used !== before.length) return null;
  const year = readYear(after);
  return year === null ? null : isoDate(year, month, day.value);
}

/** A day of the month at the start of the words: "17", "17th", "seventeenth", "twenty first", "twenty one". */
function readDay(tokens: readonly string[]): { value: number; used: number } | null {
  const [first = '', second = ''] = tokens;
  const numeral = /^(\d{1,2})(?:st|nd|rd|th)?$/u.exec(first);
  if (numeral !== null) return { value: Number(numeral[1]), used: 1 };
  const tens = ENGLISH_TENS.get(first);
  if (tens !== undefined) {
    const unit = ENGLISH_ORDINALS.get(second) ?? ENGLISH_DIGIT_WORDS.get(second);
    if (unit !== undefined && unit > 0 && unit < 10) return { value: tens + unit, used: 2 };
    return { value: tens, used: 1 };
  }
  const single = ENGLISH_ORDINALS.get(first) ?? ENGLISH_TEENS.get(first) ?? ENGLISH_DIGIT_WORDS.get(first);
  return single === undefined || first === 'oh' || first === 'o' ? null : { value: single, used: 1 };
}

/** The year, which must be all of the remaining words: "1990", "90", "nineteen ninety", "twenty oh five". */
function readYear(tokens: readonly string[]): number | null {
  const [first = '', second = '', third = ''] = tokens;
  if (tokens.length === 1 && /^\d{4}$/u.test(first)) return Number(first);
  if (tokens.length === 1 && /^\d{2}$/u.test(first)) return expandYear(Number(first));
  const high = ENGLISH_TEENS.get(first) ?? ENGLISH_TENS.get(first);
  const low = ENGLISH_DIGIT_WORDS.get(third);
  if (tokens.length === 3 && high !== undefined && (second === 'oh' || second === 'o') && low !== undefined) {
    return high * 100 + low;
  }
  const runs = readEnglishNumbers(tokens);
  const [run] = runs;
  if (runs.length !== 1 || run === undefined || run.start !== 0 || run.end !== tokens.length) return null;
  if (!Number.isInteger(run.value)) return null;
  return run.value < 100 ? expandYear(run.value) : run.value;
}

function expandYear(twoDigits: number): number {
  return twoDigits >= TWO_DIGIT_YEAR_PIVOT ? 1900 + twoDigits : 2000 + twoDigits;
}

/** `YYYY-MM-DD` for an existing date of the years 1000–9999, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
