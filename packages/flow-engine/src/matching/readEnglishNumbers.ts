import { ENGLISH_DIGIT_WORDS, ENGLISH_SCALES, ENGLISH_TEENS, ENGLISH_TENS } from './numberWords.ts';

/** A number found in a list of words, with the word range [start, end) it was read from. */
export interface NumberRun {
  value: number;
  start: number;
  end: number;
}

/** Options of readEnglishNumbers. */
export interface ReadNumbersOptions {
  /**
   * Whether words that cannot add up are read as digit groups side by side ("nineteen ninety" = 1990,
   * "one two three" = 123; default true). When false they start a new number ("twelve fifty" = 12 and 50).
   */
  concatenate?: boolean;
}

type NumberWord =
  | { kind: 'literal'; value: number; text: string }
  | { kind: 'small'; value: number }
  | { kind: 'scale'; value: number }
  | { kind: 'point' };

/**
 * Reads every number in a list of normalized words: numerals ("12", "12.5", "-3"), English number words
 * ("forty two", "one hundred and five", "two thousand twenty four", "three point five", "minus five",
 * "a hundred"), and mixes ("2 thousand").
 */
export function readEnglishNumbers(tokens: readonly string[], options: ReadNumbersOptions = {}): NumberRun[] {
  const concatenate = options.concatenate ?? true;
  const runs: NumberRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const word = classify(tokens, i, false);
    const aScale = tokens[i] === 'a' && classify(tokens, i + 1, true)?.kind === 'scale';
    if (!aScale && (word === null || word.kind === 'point' || word.kind === 'scale')) {
      i += 1;
      continue;
    }
    const negative = i > 0 && (tokens[i - 1] === 'minus' || tokens[i - 1] === 'negative');
    const run = readRun(tokens, i, concatenate);
    runs.push({ value: negative ? -run.value : run.value, start: negative ? i - 1 : i, end: run.end });
    i = run.end;
  }
  return runs;
}

function readRun(tokens: readonly string[], start: number, concatenate: boolean): { value: number; end: number } {
  let total = 0;
  let current = 0;
  let hasCurrent = false;
  let prefix = '';
  let decimals: string | null = null;
  let lastWasLiteral = false;
  let i = start;
  for (; i < tokens.length; i += 1) {
    if (
      decimals === null &&
      (tokens[i] === 'and' || tokens[i] === 'a') &&
      classify(tokens, i + 1, true)?.kind !== undefined
    ) {
      if (tokens[i] === 'a' && classify(tokens, i + 1, true)?.kind !== 'scale') break;
      continue;
    }
    const word = classify(tokens, i, true);
    if (word === null) break;
    if (decimals !== null) {
      const digit =
        word.kind === 'small' && word.value < 10
          ? String(word.value)
          : word.kind === 'literal' && /^\d+$/u.test(word.text)
            ? word.text
            : null;
      if (digit === null) break;
      decimals += digit;
      continue;
    }
    if (word.kind === 'point') {
      decimals = '';
      continue;
    }
    if (word.kind === 'scale') {
      if (word.value === 100) {
        current = (hasCurrent ? current : 1) * 100;
      } else {
        total += (hasCurrent ? current : 1) * word.value;
        current = 0;
      }
      hasCurrent = word.value === 100;
      lastWasLiteral = false;
      continue;
    }
    // Numerals stand alone: "3 5" is two numbers, while "three five" reads as digits side by side.
    if (hasCurrent && (word.kind === 'literal' || lastWasLiteral)) break;
    lastWasLiteral = word.kind === 'literal';
    const fits =
      !hasCurrent ||
      (word.kind === 'small' &&
        (word.value < 10 ? current % 10 === 0 && current !== 0 : current % 100 === 0 && current !== 0));
    if (!fits) {
      if (!concatenate) break;
      prefix += String(total + current);
      total = 0;
    }
    current = fits && hasCurrent ? current + word.value : word.value;
    hasCurrent = true;
  }
  const whole = prefix === '' ? total + current : Number(`${prefix}${total + current}`);
  const value = decimals === null || decimals === '' ? whole : Number(`${whole}.${decimals}`);
  return { value, end: decimals === '' ? i - 1 : i };
}

function classify(tokens: readonly string[], index: number, insideRun: boolean): NumberWord | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (/^-?\d+(?:\.\d+)?$/u.test(token)) return { kind: 'literal', value: Number(token), text: token };
  if ((token === 'oh' || token === 'o') && !insideRun) return null;
  const small = ENGLISH_DIGIT_WORDS.get(token) ?? ENGLISH_TEENS.get(token) ?? ENGLISH_TENS.get(token);
  if (small !== undefined) return { kind: 'small', value: small };
  const scale = ENGLISH_SCALES.get(token);
  if (scale !== undefined) return { kind: 'scale', value: scale };
  if (token === 'point' && insideRun) return { kind: 'point' };
  return null;
}

/** Languages that write a decimal comma and a thousands point ("1.234,50"). */
const DECIMAL_COMMA_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'no',
  'cs',
  'sk',
  'tr',
  'id',
  'vi',
  'ro',
  'hu',
  'el',
  'uk',
]);

/** Whether numbers in this locale are written with a decimal comma (de-DE "3,5"), not a decimal point (en-US "3.5"). */
export function usesDecimalComma(locale: string): boolean {
  return DECIMAL_COMMA_LANGUAGES.has(locale.trim().toLowerCase().split(/[-_]/u)[0] ?? '');
}

/**
 * Lower-cases and splits text into words for number reading, keeping decimal points between digits, minus
 * signs before digits and thousands separators out ("$1,234.50" → ["1234.50"]; with `decimalComma`,
 * "1.234,50 €" → ["1234.50"]).
 */
export function numberTokens(text: string, decimalComma = false): string[] {
  const [thousands, decimal] = decimalComma
    ? [/(\d)\.(?=\d{3}(?!\d))/gu, /(\d),(?=\d)/gu]
    : [/(\d),(?=\d{3}(?!\d))/gu, /(\d)\.(?=\d)/gu];
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(thousands, '$1')
    .replace(decimal, '$1\uE000')
    .replace(/(^|[^\p{L}\p{N}])-(?=\d)/gu, '$1\uE001')
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .replace(/[\p{P}\p{S}\p{Z}\s\p{Cc}]+/gu, ' ')
    .replace(/\uE000/gu, '.')
    .replace(/\uE001/gu, '-')
    .trim()
    .split(' ')
    .filter((token) => token !== '');
}
