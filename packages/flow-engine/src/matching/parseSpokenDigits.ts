import { isFillerWord } from './fillerWords.ts';
import { koreanEndingCandidates } from './koreanEndings.ts';
import { hasHangul, normalizeText, tokenize } from './normalizeText.ts';
import { ENGLISH_DIGIT_WORDS, ENGLISH_TEENS, ENGLISH_TENS } from './numberWords.ts';
import { isCjkNumeralChar, parseCjkNumeral } from './parseCjkNumeral.ts';

/** A piece of a digit string as read from caller input. */
type DigitItem = { kind: 'digits'; digits: string } | { kind: 'word' } | { kind: 'filler' };

const REPEATERS: ReadonlyMap<string, number> = new Map([
  ['double', 2],
  ['triple', 3],
  ['treble', 3],
]);

/**
 * Reads a digit string as typed or spoken: "4 2 1 1", "4211#", "four two one one", "oh", "double five",
 * "forty two eleven", "four hundred five", "四二一一", "사이일일", "幺零", and digits among surrounding words
 * ("my card ends in four two one one please"). Returns null when no digit is heard, or when a word that is not
 * a digit or a filler interrupts the digits (a misrecognition is safer reprompted than guessed).
 */
export function parseSpokenDigits(text: string, locale: string): string | null {
  const items = readDigitItems(normalizeText(text, locale));
  const first = items.findIndex((item) => item.kind === 'digits');
  if (first < 0) return null;
  let last = first;
  items.forEach((item, index) => {
    if (item.kind === 'digits') last = index;
  });
  let digits = '';
  for (const item of items.slice(first, last + 1)) {
    if (item.kind === 'word') return null;
    if (item.kind === 'digits') digits += item.digits;
  }
  return digits;
}

function readDigitItems(normalized: string): DigitItem[] {
  const tokens = tokenize(normalized);
  const items: DigitItem[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    const repeat = REPEATERS.get(token);
    const repeated = repeat === undefined ? undefined : singleDigit(next);
    if (repeat !== undefined && repeated !== undefined) {
      items.push({ kind: 'digits', digits: repeated.repeat(repeat) });
      i += 1;
      continue;
    }
    const spoken = readSpokenNumber(tokens, i);
    if (spoken !== null) {
      items.push({ kind: 'digits', digits: spoken.digits });
      i += spoken.used - 1;
      continue;
    }
    if (/^\d+$/u.test(token)) items.push({ kind: 'digits', digits: token });
    else if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(token)) items.push(...readCjkToken(token));
    else items.push({ kind: isFillerWord(token) || token === 'then' ? 'filler' : 'word' });
  }
  return items;
}

/** Reads "four", "twelve", "forty two", "twenty", "four hundred five" starting at `start`. */
function readSpokenNumber(tokens: readonly string[], start: number): { digits: string; used: number } | null {
  const token = tokens[start] ?? '';
  const digit = ENGLISH_DIGIT_WORDS.get(token);
  if (digit !== undefined) {
    if (tokens[start + 1] === 'hundred') {
      const rest = readTwoDigitWords(tokens, start + 2);
      return rest === null
        ? { digits: `${digit}00`, used: 2 }
        : { digits: `${digit}${rest.digits.padStart(2, '0')}`, used: 2 + rest.used };
    }
    return { digits: String(digit), used: 1 };
  }
  return readTwoDigitWords(tokens, start);
}

function readTwoDigitWords(tokens: readonly string[], start: number): { digits: string; used: number } | null {
  const token = tokens[start] ?? '';
  const teen = ENGLISH_TEENS.get(token);
  if (teen !== undefined) return { digits: String(teen), used: 1 };
  const tens = ENGLISH_TENS.get(token);
  if (tens !== undefined) {
    const unit = ENGLISH_DIGIT_WORDS.get(tokens[start + 1] ?? '');
    if (unit !== undefined && unit > 0 && tokens[start + 1] !== 'oh' && tokens[start + 1] !== 'o') {
      return { digits: String(tens + unit), used: 2 };
    }
    return { digits: String(tens), used: 1 };
  }
  if (start > 0 && tokens[start - 1] === 'hundred') {
    const digit = ENGLISH_DIGIT_WORDS.get(token);
    if (digit !== undefined) return { digits: String(digit), used: 1 };
  }
  return null;
}

function singleDigit(token: string): string | undefined {
  if (/^\d$/u.test(token)) return token;
  const value = ENGLISH_DIGIT_WORDS.get(token);
  return value === undefined ? undefined : String(value);
}

/**
 * Korean tokens are words: one counts as digits only if every syllable is a numeral. Chinese has no spaces,
 * so numeral runs are cut out of the surrounding characters.
 */
function readCjkToken(token: string): DigitItem[] {
  if (hasHangul(token)) {
    for (const reading of koreanEndingCandidates(token)) {
      const value = cjkRunDigits(reading);
      if (value !== null) return [{ kind: 'digits', digits: value }];
    }
    return [{ kind: 'word' }];
  }
  const items: DigitItem[] = [];
  let run = '';
  let other = '';
  const flushRun = (): void => {
    if (run === '') return;
    const digits = cjkRunDigits(run);
    items.push(digits === null ? { kind: 'word' } : { kind: 'digits', digits });
    run = '';
  };
  const flushOther = (): void => {
    if (other === '') return;
    items.push({ kind: 'word' });
    other = '';
  };
  for (const char of Array.from(token)) {
    if (isCjkNumeralChar(char)) {
      flushOther();
      run += char;
    } else {
      flushRun();
      other += char;
    }
  }
  flushRun();
  flushOther();
  return items;
}

/** A numeral run read digit by digit ("四二一一" → "4211") or, when it holds units, as a number ("四十二" → "42"). */
function cjkRunDigits(run: string): string | null {
  const value = parseCjkNumeral(run);
  return value === null ? null : digitString(run, value);
}

function digitString(run: string, value: number): string {
  // Digit-by-digit runs keep leading zeros ("零一" → "01"); runs with units are cardinals.
  const chars = Array.from(run);
  return chars.length > 1 && String(value).length < chars.length && !/[十百千万亿십백천만억]/u.test(run)
    ? String(value).padStart(chars.length, '0')
    : String(value);
}
