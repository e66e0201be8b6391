/** The language families the matchers know wording, number words and fillers for. */
export type MatchingLanguage = 'en' | 'zh' | 'ko';

/**
 * Normalizes caller text for matching: Unicode NFKC (full-width digits and letters become ASCII), lower case,
 * apostrophes dropped inside words ("i'd" → "id"), every other punctuation or symbol turned into a space,
 * whitespace collapsed.
 */
export function normalizeText(text: string, locale: string): string {
  const lowered = safeLowerCase(text.normalize('NFKC'), locale);
  return lowered
    .replace(/(\p{L})['’‘`](\p{L})/gu, '$1$2')
    .replace(/[\p{P}\p{S}\p{C}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The matching language of a BCP 47 locale tag; anything that is not Chinese or Korean falls back to English. */
export function matchingLanguage(locale: string): MatchingLanguage {
  const primary = locale.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  if (primary === 'zh' || primary === 'cmn' || primary === 'yue') return 'zh';
  if (primary === 'ko') return 'ko';
  return 'en';
}

const CJK_PATTERN = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL_PATTERN = /\p{Script=Hangul}/u;
const HAN_PATTERN = /\p{Script=Han}/u;

/** Whether the text holds Chinese, Japanese or Korean characters (which are matched by substring, not by word). */
export function hasCjk(text: string): boolean {
  return CJK_PATTERN.test(text);
}

/** Whether the text holds Hangul (Korean) characters. */
export function hasHangul(text: string): boolean {
  return HANGUL_PATTERN.test(text);
}

/** Whether the text holds Han (Chinese) characters. */
export function hasHan(text: string): boolean {
  return HAN_PATTERN.test(text);
}

/** Splits normalized text into its space-separated words. */
export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

function safeLowerCase(text: string, locale: string): string {
  // An invalid locale tag makes toLocaleLowerCase throw a RangeError; caller data must never throw.
  const [canonical] = canonicalLocales(locale);
  return canonical === undefined ? text.toLowerCase() : text.toLocaleLowerCase(canonical);
}

const canonicalCache = new Map<string, string[]>();

function canonicalLocales(locale: string): string[] {
  const cached = canonicalCache.get(locale);
  if (cached !== undefined) return cached;
  const canonical = readCanonicalLocales(locale);
  // Locale tags come from flows and sessions, a small set; the bound only guards against abuse.
  if (canonicalCache.size < 1000) canonicalCache.set(locale, canonical);
  return canonical;
}

function readCanonicalLocales(locale: string): string[] {
  try {
    return Intl.getCanonicalLocales(locale);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}
