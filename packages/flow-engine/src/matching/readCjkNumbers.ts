import { koreanEndingCandidates } from './koreanEndings.ts';
import { hasHangul } from './normalizeText.ts';
import { KOREAN_NATIVE_NUMBERS } from './numberWords.ts';
import { cjkDigit, isCjkNumeralChar, parseCjkNumeral } from './parseCjkNumeral.ts';

/** A number read from Chinese or Korean text, with the unit or counter written right after it ('' for none). */
export interface CjkNumber {
  value: number;
  unit: string;
}

/** Units and counters that may follow a Chinese number. */
const CHINESE_UNITS = ['块钱', '元', '块', '角', '毛', '分', '钱', '个', '岁', '号', '日', '月', '年', '位', '次'];

/** Units and counters that may follow a Korean number. */
const KOREAN_UNITS = [
  '달러',
  '센트',
  '원',
  '불',
  '개',
  '살',
  '명',
  '번',
  '장',
  '세',
  '년',
  '월',
  '일',
  '시',
  '분',
  '초',
  '자리',
];

/**
 * Reads the numbers in Chinese or Korean text with the unit after each: "十二块五毛" → 12 块, 5 毛;
 * "만 이천 원이요" → 12000 원; "스물다섯 살" → 25 살; "12달러 50센트" → 12 달러, 50 센트. Korean is read
 * word by word, so a word that merely contains a numeral syllable ("이거") is not a number.
 */
export function readCjkNumbers(text: string): CjkNumber[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/gu, '$1')
    .split(/[^\p{L}\p{N}.]+/u);
  const numbers: CjkNumber[] = [];
  let pending = '';
  for (const word of words) {
    if (word === '') continue;
    if (!hasHangul(word)) {
      if (pending !== '') numbers.push(...finishKorean(pending, ''));
      pending = '';
      numbers.push(...readChineseNumbers(word));
      continue;
    }
    const reading = readKoreanWord(word, pending !== '');
    if (reading === null) {
      if (pending !== '') numbers.push(...finishKorean(pending, ''));
      pending = '';
      continue;
    }
    if (reading.numeral === '') {
      // A unit on its own ("만 이천 원") belongs to the number before it.
      if (pending !== '') numbers.push(...finishKorean(pending, reading.unit));
      pending = '';
      continue;
    }
    pending += reading.numeral;
    if (reading.unit !== '') {
      numbers.push(...finishKorean(pending, reading.unit));
      pending = '';
    }
  }
  if (pending !== '') numbers.push(...finishKorean(pending, ''));
  return numbers;
}

function finishKorean(numeral: string, unit: string): CjkNumber[] {
  const value = parseKoreanNative(numeral) ?? parseRun(numeral);
  return value === null ? [] : [{ value, unit }];
}

/**
 * Splits a Korean word into a numeral and a unit ("십칠일" → 십칠 + 일, "만원" → 만 + 원, and "원" → '' + 원
 * right after a number), trying the readings with and without a sentence ending; null when the word is not a number.
 */
function readKoreanWord(word: string, afterNumber: boolean): { numeral: string; unit: string } | null {
  for (const reading of koreanEndingCandidates(word)) {
    if (afterNumber && KOREAN_UNITS.includes(reading)) return { numeral: '', unit: reading };
    const chars = Array.from(reading);
    for (let end = chars.length; end > 0; end -= 1) {
      const numeral = chars.slice(0, end).join('');
      const unit = chars.slice(end).join('');
      if (unit !== '' && !KOREAN_UNITS.includes(unit)) continue;
      if (parseKoreanNative(numeral) !== null || isWellFormedSino(numeral)) return { numeral, unit };
    }
  }
  return null;
}

/**
 * Whether a run is ASCII digits, Sino-Korean digits read one by one, or a Sino-Korean numeral with units
 * that never puts two digits side by side ("십칠" yes, "십칠일" no: that is 17 and the unit 일).
 */
function isWellFormedSino(numeral: string): boolean {
  if (/^\d+(?:\.\d+)?$/u.test(numeral)) return true;
  const chars = Array.from(numeral);
  if (!chars.every((char) => isCjkNumeralChar(char) && !/\d/u.test(char))) return false;
  if (chars.every(isDigit)) return true;
  return chars.every((char, i) => i === 0 || !(isDigit(char) && isDigit(chars[i - 1] ?? '')));
}

/** A native Korean number 1–99 written as one word ("스물다섯" = 25, "열" = 10), or null. */
export function parseKoreanNative(word: string): number | null {
  const whole = KOREAN_NATIVE_NUMBERS.get(word);
  if (whole !== undefined) return whole;
  for (const [tensWord, tens] of KOREAN_NATIVE_NUMBERS) {
    if (tens < 10 || tens % 10 !== 0 || !word.startsWith(tensWord)) continue;
    const unit = KOREAN_NATIVE_NUMBERS.get(word.slice(tensWord.length));
    if (unit !== undefined && unit < 10) return tens + unit;
  }
  return null;
}

function readChineseNumbers(word: string): CjkNumber[] {
  const chars = Array.from(word);
  const numbers: CjkNumber[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isRunChar(chars[i] ?? '')) {
      i += 1;
      continue;
    }
    let run = '';
    while (i < chars.length) {
      const char = chars[i] ?? '';
      const decimalPoint = (char === '点' || char === '.') && isRunChar(chars[i + 1] ?? '') && run !== '';
      if (!isRunChar(char) && !decimalPoint) break;
      run += char;
      i += 1;
    }
    const rest = chars.slice(i).join('');
    const unit = CHINESE_UNITS.find((candidate) => rest.startsWith(candidate)) ?? '';
    const value = parseRun(run);
    if (value !== null) numbers.push({ value, unit: unit === '块钱' ? '块' : unit });
    i += Array.from(unit).length;
  }
  return numbers;
}

function isRunChar(char: string): boolean {
  return char !== '' && (isCjkNumeralChar(char) || /\d/u.test(char));
}

/** A numeral run with an optional decimal part after 点 or '.'. */
function isDigit(char: string): boolean {
  return cjkDigit(char) !== undefined;
}

function parseRun(run: string): number | null {
  const [whole = '', fraction, extra] = run.split(/[点.]/u);
  if (extra !== undefined) return null;
  const integer = whole === '' ? 0 : parseCjkNumeral(whole);
  if (integer === null) return null;
  if (fraction === undefined || fraction === '') return integer;
  const digits = Array.from(fraction).map(cjkDigit);
  if (digits.some((digit) => digit === undefined)) return null;
  return Number(`${integer}.${digits.join('')}`);
}
