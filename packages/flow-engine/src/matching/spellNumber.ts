import { exhaustive } from '@omniflow/flow-schema';
import type { MatchingLanguage } from './normalizeText.ts';

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const KO_DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/** Numbers up to this are spelled as cardinals; longer ones digit by digit (like card or phone numbers). */
const CARDINAL_LIMIT = 999_999;

/**
 * Spells a non-negative integer as words of the language, for speech grammars: 42 → "forty two", "四十二",
 * "사십이"; numbers above 999,999 digit by digit.
 */
export function spellNumber(value: number, language: MatchingLanguage): string {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`spellNumber takes a non-negative integer, got ${value}; round it first.`);
  if (value > CARDINAL_LIMIT) return spellDigits(String(value), language);
  switch (language) {
    case 'en':
      return englishCardinal(value);
    case 'zh':
      return value === 0 ? '零' : cjkCardinal(value, ZH_DIGITS, ['', '十', '百', '千'], '万', true);
    case 'ko':
      return value === 0 ? '영' : cjkCardinal(value, KO_DIGITS, ['', '십', '백', '천'], '만', false);
    default:
      return exhaustive(language);
  }
}

/** Spells each digit of a digit string as a word: "4211" → "four two one one", "四 二 一 一", "사 이 일 일". */
export function spellDigits(digits: string, language: MatchingLanguage): string {
  const words: Record<MatchingLanguage, readonly string[]> = { en: EN_SMALL, zh: ZH_DIGITS, ko: KO_DIGITS };
  return Array.from(digits)
    .filter((char) => /\d/u.test(char))
    .map((char) => words[language][Number(char)] ?? '')
    .join(' ');
}

function englishCardinal(value: number): string {
  if (value < 20) return EN_SMALL[value] ?? '';
  if (value < 100) {
    const unit = value % 10;
    return unit === 0
      ? (EN_TENS[value / 10] ?? '')
      : `${EN_TENS[Math.floor(value / 10)] ?? ''} ${EN_SMALL[unit] ?? ''}`;
  }
  if (value < 1000) {
    const rest = value % 100;
    const head = `${EN_SMALL[Math.floor(value / 100)] ?? ''} hundred`;
    return rest === 0 ? head : `${head} ${englishCardinal(rest)}`;
  }
  const rest = value % 1000;
  const head = `${englishCardinal(Math.floor(value / 1000))} thousand`;
  return rest === 0 ? head : `${head} ${englishCardinal(rest)}`;
}

/** Chinese and Sino-Korean cardinals below 1,000,000: 105 → 一百零五 / 백오; Korean drops the 1 before a unit. */
function cjkCardinal(
  value: number,
  digits: readonly string[],
  units: readonly string[],
  tenThousand: string,
  chinese: boolean,
): string {
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  let text = '';
  if (high > 0)
    text += `${high === 1 && !chinese ? '' : cjkBelowTenThousand(high, digits, units, chinese)}${tenThousand}`;
  if (low > 0)
    text += `${chinese && high > 0 && low < 1000 ? (digits[0] ?? '') : ''}${cjkBelowTenThousand(low, digits, units, chinese)}`;
  return text;
}

function cjkBelowTenThousand(
  value: number,
  digits: readonly string[],
  units: readonly string[],
  chinese: boolean,
): string {
  let text = '';
  let pendingZero = false;
  for (let power = 3; power >= 0; power -= 1) {
    const digit = Math.floor(value / 10 ** power) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero && chinese) text += digits[0] ?? '';
    pendingZero = false;
    // 十二 rather than 一十二 at the start; Korean never says the 1 before a unit (백, 천, 십).
    const omitOne = digit === 1 && power > 0 && (!chinese || (power === 1 && text === ''));
    text += `${omitOne ? '' : (digits[digit] ?? '')}${units[power] ?? ''}`;
  }
  return text;
}
