import { pinyin } from 'pinyin-pro';
import { type MandarinPiece, readMandarinNumbers } from './readMandarinNumbers.ts';

/** A stretch of speech for one espeak-ng voice: tone-numbered pinyin, or Latin-script words for an English voice. */
export interface SpeechSegment {
  script: 'pinyin' | 'latin';
  text: string;
}

/** Digits read one by one keep their citation tone (一 is yi1 in 请按1键, not yi2 as in 一个). */
const DIGIT_PINYIN: Readonly<Record<string, string>> = {
  零: 'ling2',
  一: 'yi1',
  二: 'er4',
  三: 'san1',
  四: 'si4',
  五: 'wu3',
  六: 'liu4',
  七: 'qi1',
  八: 'ba1',
  九: 'jiu3',
};

/**
 * Chinese text as espeak-ng's `cmn-latn-pinyin` voice should hear it: numbers read as Chinese
 * ({@link readMandarinNumbers}), characters as tone-numbered pinyin by pinyin-pro (which knows polyphones such as
 * 银行 yin2 hang2 and applies the 一/不 tone changes espeak-ng does not), punctuation as pauses (a sentence end
 * also ends the line, since espeak-ng ignores a period before a lowercase word), and Latin words as their own
 * segments for an English voice, so that "PIN" is not read as the syllable pin1.
 */
export function toPinyinSegments(text: string): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  const add = (script: Word[0], word: string, separator: string): void => {
    const last = segments.at(-1);
    if (last !== undefined && (last.script === script || script === 'pause')) last.text += separator + word;
    else if (script !== 'pause') segments.push({ script, text: word });
  };
  for (const piece of readMandarinNumbers(text.normalize('NFKC'))) {
    for (const [kind, word] of pieceWords(piece)) {
      if (kind === 'pause') add('pause', word, '');
      else add(kind, word, ' ');
    }
  }
  return segments.map((s) => ({ script: s.script, text: s.text.trim() })).filter((s) => s.text !== '');
}

type Word = ['pinyin' | 'latin' | 'pause', string];

function pieceWords(piece: MandarinPiece): Word[] {
  if (piece.kind === 'digits') return [...piece.text].map((digit): Word => ['pinyin', DIGIT_PINYIN[digit] ?? digit]);
  const words: Word[] = [];
  let latin = '';
  const flush = (): void => {
    if (latin !== '') words.push(['latin', latin]);
    latin = '';
  };
  for (const item of pinyin(piece.text, { toneType: 'num', type: 'all' })) {
    if (item.isZh && item.pinyin !== '') {
      flush();
      words.push(['pinyin', item.pinyin]);
    } else if (/^[A-Za-z'’]$/u.test(item.origin)) latin += item.origin;
    else {
      flush();
      const pause = pauseFor(item.origin);
      if (pause !== null) words.push(['pause', pause]);
    }
  }
  flush();
  return words;
}

/** The ASCII punctuation espeak-ng pauses at for a mark, or null for a mark to drop (quotes, brackets' pairs …). */
function pauseFor(mark: string): string | null {
  if (/^[。.!！]$/u.test(mark)) return '.\n';
  if (/^[?？]$/u.test(mark)) return '?\n';
  if (/^[,，、;；:：()（）…—–-]$/u.test(mark)) return ', ';
  return null;
}
