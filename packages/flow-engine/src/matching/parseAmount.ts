import { readCjkNumbers, type CjkNumber } from './readCjkNumbers.ts';
import { readEnglishNumbers } from './readEnglishNumbers.ts';
import { splitNumberText } from './splitNumberText.ts';

const MAJOR_WORDS: ReadonlySet<string> = new Set([
  'dollar',
  'dollars',
  'buck',
  'bucks',
  'usd',
  'euro',
  'euros',
  'eur',
  'pound',
  'pounds',
  'gbp',
  'yuan',
  'rmb',
  'cny',
  'won',
  'krw',
  'yen',
  'jpy',
  'franc',
  'francs',
]);
const MINOR_WORDS: ReadonlySet<string> = new Set(['cent', 'cents', 'penny', 'pence', 'pennies', 'c']);
const CJK_MAJOR_UNITS: ReadonlySet<string> = new Set(['元', '块', '원', '달러', '불']);
const CJK_TENTH_UNITS: ReadonlySet<string> = new Set(['角', '毛']);
const CJK_HUNDREDTH_UNITS: ReadonlySet<string> = new Set(['分', '센트']);

/**
 * Reads a money amount in major units, rounded to hundredths: "$12.50", "12.5", "twelve dollars fifty",
 * "twelve dollars and fifty cents", "fifty cents", "twelve fifty" (= 12.50), keypad "12*50" (star as the
 * decimal point), "十二块五" (12.5), "三块二毛五" (3.25), "12,500원", "만 이천 원", and "12,50 €" in
 * decimal-comma locales such as fr-FR. Returns null for no amount,
 * a negative one, or several numbers that do not form one amount.
 */
export function parseAmount(text: string, locale: string): number | null {
  const keypad = /^(\d+)(?:\*(\d{1,2}))?#?$/u.exec(text.normalize('NFKC').trim());
  if (keypad !== null) return toAmount(Number(`${keypad[1] ?? '0'}.${(keypad[2] ?? '0').padEnd(2, '0')}`));
  const { words, cjk } = splitNumberText(text, locale);
  const english = englishAmount(words);
  const cjkNumbers = readCjkNumbers(cjk);
  if (english !== undefined && cjkNumbers.length > 0) return null;
  if (english !== undefined) return english;
  return cjkNumbers.length > 0 ? cjkAmount(cjkNumbers) : null;
}

/** The amount in English words and numerals; undefined when there is no number, null when it is not one amount. */
function englishAmount(words: readonly string[]): number | null | undefined {
  const runs = readEnglishNumbers(words, { concatenate: false });
  if (runs.length === 0) return undefined;
  const unitAfter = (end: number): 'major' | 'minor' | null => {
    const word = words[end] ?? '';
    if (MAJOR_WORDS.has(word)) return 'major';
    return MINOR_WORDS.has(word) ? 'minor' : null;
  };
  const [first, second] = runs;
  if (first === undefined) return undefined;
  if (runs.length === 1) return toAmount(unitAfter(first.end) === 'minor' ? first.value / 100 : first.value);
  if (runs.length > 2 || second === undefined) return null;
  const firstUnit = unitAfter(first.end);
  const secondUnit = unitAfter(second.end);
  const cents = second.value;
  if (firstUnit === 'minor' || secondUnit === 'major' || !Number.isInteger(first.value)) return null;
  // Only a currency word and "and" may stand between the two parts ("twelve dollars and fifty cents").
  const between = words.slice(first.end, second.start);
  if (!between.every((word) => MAJOR_WORDS.has(word) || word === 'and')) return null;
  if (!Number.isInteger(cents) || cents < 0 || cents > 99) return null;
  return toAmount(first.value + cents / 100);
}

function cjkAmount(numbers: readonly CjkNumber[]): number | null {
  let total = 0;
  let last: 'major' | 'tenth' | 'hundredth' | null = null;
  for (const { value, unit } of numbers) {
    if (CJK_MAJOR_UNITS.has(unit) && last === null) {
      total += value;
      last = 'major';
    } else if (CJK_TENTH_UNITS.has(unit) && (last === null || last === 'major')) {
      total += value / 10;
      last = 'tenth';
    } else if (CJK_HUNDREDTH_UNITS.has(unit) && last !== 'hundredth') {
      total += value / 100;
      last = 'hundredth';
    } else if (unit === '' && last === null && numbers.length === 1) {
      total = value;
    } else if (unit === '' && last === 'major') {
      // "十二块五" is 12.5; "12달러 50" is 12.50.
      total += value < 10 ? value / 10 : value / 100;
      last = 'hundredth';
    } else if (unit === '' && last === 'tenth' && value < 10) {
      total += value / 100;
      last = 'hundredth';
    } else {
      return null;
    }
  }
  return toAmount(total);
}

function toAmount(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 100) / 100;
}
