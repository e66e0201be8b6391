/**
 * English words that carry no choice on their own ("I'd like to check my balance please" → "check balance").
 * Apostrophes are already dropped by normalizeText, so "i'd" appears as "id".
 */
export const ENGLISH_FILLER_WORDS: ReadonlySet<string> = new Set([
  'a',
  'about',
  'all',
  'am',
  'an',
  'and',
  'any',
  'are',
  'be',
  'can',
  'could',
  'do',
  'er',
  'erm',
  'for',
  'get',
  'go',
  'hello',
  'help',
  'hey',
  'hi',
  'hmm',
  'i',
  'id',
  'ill',
  'im',
  'ive',
  'in',
  'is',
  'it',
  'its',
  'just',
  'let',
  'lets',
  'like',
  'me',
  'mm',
  'my',
  'need',
  'now',
  'of',
  'ok',
  'okay',
  'on',
  'please',
  'so',
  'some',
  'thank',
  'thanks',
  'that',
  'the',
  'this',
  'to',
  'uh',
  'um',
  'want',
  'wanna',
  'we',
  'well',
  'with',
  'would',
  'you',
  'your',
]);

/** Chinese and Korean filler fragments, longest first, removed from CJK text before measuring how much a phrase covers. */
const CJK_FILLERS: readonly string[] = [
  '我想要',
  '我需要',
  '请帮我',
  '麻烦你',
  '我想',
  '我要',
  '请问',
  '帮我',
  '一下',
  '谢谢',
  '请',
  '吧',
  '呢',
  '啊',
  '嗯',
  '呃',
  '了',
  '的',
  '하고 싶어요',
  '하고싶어요',
  '해 주세요',
  '해주세요',
  '싶어요',
  '주세요',
  '부탁해요',
  '저는',
  '제가',
  '좀',
  '요',
]
  .map((filler) => filler.replace(/\s+/gu, ''))
  .toSorted((x, y) => y.length - x.length);

/** Whether an English word is a filler word. */
export function isFillerWord(token: string): boolean {
  return ENGLISH_FILLER_WORDS.has(token);
}

/** Removes Chinese and Korean filler fragments from text whose spaces were already removed. */
export function stripCjkFillers(compact: string): string {
  let rest = compact;
  for (const filler of CJK_FILLERS) {
    if (rest.includes(filler)) rest = rest.replaceAll(filler, '');
  }
  return rest;
}
