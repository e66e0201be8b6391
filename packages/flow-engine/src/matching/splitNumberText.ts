import { hasCjk } from './normalizeText.ts';
import { numberTokens, usesDecimalComma } from './readEnglishNumbers.ts';

/** Caller text split for number reading: its space-separated words, and its Chinese/Korean part. */
export interface NumberText {
  /** Words for readEnglishNumbers; a CJK word is replaced by `|` so numbers on either side stay apart. */
  words: string[];
  /** The CJK words, space-separated, for readCjkNumbers. */
  cjk: string;
}

/**
 * Splits text into the words read as English numbers and the words read as Chinese or Korean numbers; the
 * locale decides whether "3,5" is three and a half.
 */
export function splitNumberText(text: string, locale: string): NumberText {
  const tokens = numberTokens(text, usesDecimalComma(locale));
  return {
    words: tokens.map((token) => (hasCjk(token) ? '|' : token)),
    cjk: tokens.filter(hasCjk).join(' '),
  };
}
