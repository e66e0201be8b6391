/** English words for single digits, including "oh" and "o" for zero as said in phone and card numbers. */
export const ENGLISH_DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['oh', 0],
  ['o', 0],
  ['nought', 0],
  ['naught', 0],
  ['nil', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
]);

/** Words a speech recognizer writes for a spoken digit heard alone ("press for" → 4); used on voice only. */
export const ENGLISH_DIGIT_HOMOPHONES: ReadonlyMap<string, number> = new Map([
  ['won', 1],
  ['to', 2],
  ['too', 2],
  ['tu', 2],
  ['tree', 3],
  ['for', 4],
  ['fore', 4],
  ['ate', 8],
  ['niner', 9],
]);

/** English words for 10–19. */
export const ENGLISH_TEENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

/** English words for the tens 20–90. */
export const ENGLISH_TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/** English scale words. */
export const ENGLISH_SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

/** English ordinal words 1st–31st, for positions and days of the month. */
export const ENGLISH_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
]);

/** Chinese digit characters, including 两 (two, before a unit) and 幺 (one, in phone numbers). */
export const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0],
  ['〇', 0],
  ['○', 0],
  ['一', 1],
  ['幺', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/** Chinese unit characters below 万. */
export const CHINESE_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/** Chinese unit characters from 万. */
export const CHINESE_LARGE_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 10_000],
  ['亿', 100_000_000],
]);

/** Sino-Korean digit syllables, with 공 (zero, in phone numbers). */
export const KOREAN_DIGITS: ReadonlyMap<string, number> = new Map([
  ['영', 0],
  ['공', 0],
  ['일', 1],
  ['이', 2],
  ['삼', 3],
  ['사', 4],
  ['오', 5],
  ['육', 6],
  ['륙', 6],
  ['칠', 7],
  ['팔', 8],
  ['구', 9],
]);

/** Sino-Korean unit syllables below 만. */
export const KOREAN_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['십', 10],
  ['백', 100],
  ['천', 1000],
]);

/** Sino-Korean unit syllables from 만. */
export const KOREAN_LARGE_UNITS: ReadonlyMap<string, number> = new Map([
  ['만', 10_000],
  ['억', 100_000_000],
]);

/** Native Korean number words (1–99 are built from a ten and a unit), longest spelling first where they share a start. */
export const KOREAN_NATIVE_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['하나', 1],
  ['한', 1],
  ['둘', 2],
  ['두', 2],
  ['셋', 3],
  ['세', 3],
  ['넷', 4],
  ['네', 4],
  ['다섯', 5],
  ['여섯', 6],
  ['일곱', 7],
  ['여덟', 8],
  ['아홉', 9],
  ['열', 10],
  ['스물', 20],
  ['스무', 20],
  ['서른', 30],
  ['마흔', 40],
  ['쉰', 50],
  ['예순', 60],
  ['일흔', 70],
  ['여든', 80],
  ['아흔', 90],
]);

/** Korean ordinal words for positions ("첫 번째" = first). */
export const KOREAN_ORDINAL_STEMS: ReadonlyMap<string, number> = new Map([
  ['첫', 1],
  ['두', 2],
  ['세', 3],
  ['네', 4],
  ['다섯', 5],
  ['여섯', 6],
  ['일곱', 7],
  ['여덟', 8],
  ['아홉', 9],
  ['열', 10],
]);

/** The value of one character or word that stands for a single digit in any supported language, or undefined. */
export function singleDigitValue(word: string): number | undefined {
  if (/^\d$/u.test(word)) return Number(word);
  return ENGLISH_DIGIT_WORDS.get(word) ?? CHINESE_DIGITS.get(word) ?? KOREAN_DIGITS.get(word);
}
