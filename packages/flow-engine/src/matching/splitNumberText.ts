import { hasCjk } from './normalizeText.ts';
import { numberTokens } from './readEnglishNumbers.ts';

/** Caller text split for number reading: its space-separated words, and its Chinese/Korean part. */
export interface NumberText {
  /** Words for readEnglishNumbers; a CJK word is replaced by `|` so numbers on either side stay apart. */
  words: string[];
  /** The CJK words, space-separated, for readCjkNumbers. */
  cjk: string;
}

/** Splits text into the words read as English numbers and the words read as Chinese or Korean numbers. */
export function splitNumberText(text: string): NumberText {
  const tokens = numberTokens(text);
  return {
    words: tokens.map((token) => (hasCjk(token) ? '|' : token)),
    cjk: tokens.filter(hasCjk).join(' '),
  };
}
