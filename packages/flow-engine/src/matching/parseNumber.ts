import { readCjkNumbers } from './readCjkNumbers.ts';
import { readEnglishNumbers } from './readEnglishNumbers.ts';
import { splitNumberText } from './splitNumberText.ts';

/**
 * Reads the one number in caller text: numerals ("42", "1,234", "3.5", "-2"), English words ("forty two",
 * "one hundred and five", "three point five", "minus five"), Chinese ("四十二", "一百零五", "三点五") and
 * Korean ("사십이", "마흔둘", "만 이천"), among other words ("I am forty two"); in decimal-comma locales such
 * as de-DE, "3,5" and "1.234,5". Returns null when there is no
 * number or more than one ("two cards and three accounts").
 */
export function parseNumber(text: string, locale: string): number | null {
  const { words, cjk } = splitNumberText(text, locale);
  const values = [
    ...readEnglishNumbers(words).map((run) => run.value),
    ...readCjkNumbers(cjk).map((found) => found.value),
  ];
  const [only] = values;
  return values.length === 1 && only !== undefined && Number.isFinite(only) ? only : null;
}
