import { analyzeText } from './analyzeText.ts';

/** Phrases asking to hear the prompt again, after normalizeText and without filler words. */
const REPEAT_PHRASES: ReadonlySet<string> = new Set([
  'repeat',
  'repeat that',
  'repeat options',
  'repeat menu',
  'again',
  'say again',
  'say that again',
  'once more',
  'come again',
  'pardon',
  'pardon me',
  'sorry',
  'what',
  'huh',
  'didnt catch',
  'didnt hear',
  'what were options',
  'what are options',
  'options',
  'menu',
  'main menu',
  'hear options',
  'hear options again',
  'start over',
]);

/** Chinese and Korean phrases asking to hear the prompt again (matched inside the text). */
const CJK_REPEAT_PHRASES: readonly string[] = [
  '重复',
  '再说一遍',
  '再说一次',
  '再听一遍',
  '再听一次',
  '没听清',
  '没听到',
  '请再说',
  '다시',
  '반복',
  '못 들었',
  '못들었',
  '뭐라고',
];

/**
 * Whether caller speech or text asks to hear the prompt again ("repeat", "say that again", "pardon?",
 * "再说一遍", "다시 말해 주세요"), so a menu can repeat without counting a no-match.
 */
export function isRepeatRequest(text: string, locale: string): boolean {
  const heard = analyzeText(text, locale);
  if (heard.compact === '') return false;
  if (heard.cjk) return CJK_REPEAT_PHRASES.some((phrase) => heard.compact.includes(phrase.replace(/\s+/gu, '')));
  return REPEAT_PHRASES.has(heard.content.join(' ')) || REPEAT_PHRASES.has(heard.tokens.join(' '));
}
