import {
  CHINESE_DIGITS,
  CHINESE_LARGE_UNITS,
  CHINESE_SMALL_UNITS,
  KOREAN_DIGITS,
  KOREAN_LARGE_UNITS,
  KOREAN_SMALL_UNITS,
} from './numberWords.ts';

/**
 * Reads a Chinese or Sino-Korean numeral: with units ("四十二" = 42, "一百零五" = 105, "两万" = 20000,
 * "사십이" = 42, "만 이천" = 12000, "3万" = 30000) or digit by digit ("一九九〇" = 1990). Returns null when
 * the text holds anything else.
 */
export function parseCjkNumeral(text: string): number | null {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  if (chars.length === 0) return null;
  if (!chars.some((char) => smallUnit(char) !== undefined || largeUnit(char) !== undefined)) {
    const digits = chars.map(cjkDigit);
    if (digits.some((digit) => digit === undefined)) return null;
    return Number(digits.join(''));
  }
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let pendingDigits = '';
  for (const char of chars) {
    const digit = cjkDigit(char);
    const small = smallUnit(char);
    const large = largeUnit(char);
    if (digit !== undefined) {
      pendingDigits += String(digit);
      pending = Number(pendingDigits);
    } else if (small !== undefined) {
      section += (pending ?? 1) * small;
      pending = null;
      pendingDigits = '';
    } else if (large !== undefined) {
      total += (section + (pending ?? (section === 0 ? 1 : 0))) * large;
      section = 0;
      pending = null;
      pendingDigits = '';
    } else {
      return null;
    }
  }
  return total + section + (pending ?? 0);
}

/** Whether a character can be part of a Chinese or Sino-Korean numeral. */
export function isCjkNumeralChar(char: string): boolean {
  return cjkDigit(char) !== undefined || smallUnit(char) !== undefined || largeUnit(char) !== undefined;
}

/** The digit value of a Chinese or Sino-Korean digit character (or an ASCII digit), or undefined. */
export function cjkDigit(char: string): number | undefined {
  if (/^\d$/u.test(char)) return Number(char);
  return CHINESE_DIGITS.get(char) ?? KOREAN_DIGITS.get(char);
}

function smallUnit(char: string): number | undefined {
  return CHINESE_SMALL_UNITS.get(char) ?? KOREAN_SMALL_UNITS.get(char);
}

function largeUnit(char: string): number | undefined {
  return CHINESE_LARGE_UNITS.get(char) ?? KOREAN_LARGE_UNITS.get(char);
}
