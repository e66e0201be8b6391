import { pinyin } from 'pinyin-pro';

/**
 * Pronounces Mandarin or Korean text with the en-US model's phones (ARPAbet, no stress), so a grammar of zh-CN or
 * ko-KR phrases can be decoded by pocketsphinx with the only acoustic model that installs here. An approximation
 * by rule, not a Mandarin or Korean model: tones are dropped, and sounds English lacks take the nearest phone
 * (pinyin x → SH, ü → Y UW; Korean ㅡ → UH, lenis stops voiced between voiced sounds). Returns null when the text
 * holds nothing to pronounce (no Han characters or Hangul syllables).
 */
export function foreignPronunciation(text: string, language: 'zh' | 'ko'): string[] | null {
  const phones = language === 'zh' ? mandarinPhones(text) : koreanPhones(text);
  return phones.length > 0 ? phones : null;
}

const PINYIN_INITIALS: Record<string, string[]> = {
  b: ['B'],
  p: ['P'],
  m: ['M'],
  f: ['F'],
  d: ['D'],
  t: ['T'],
  n: ['N'],
  l: ['L'],
  g: ['G'],
  k: ['K'],
  h: ['HH'],
  j: ['JH'],
  q: ['CH'],
  x: ['SH'],
  zh: ['JH'],
  ch: ['CH'],
  sh: ['SH'],
  r: ['ZH'],
  z: ['D', 'Z'],
  c: ['T', 'S'],
  s: ['S'],
};

/** Finals as pinyin-pro writes them (`ü` kept, `iu`/`ui`/`un` in their short forms), after an initial or alone. */
const PINYIN_FINALS: Record<string, string[]> = {
  a: ['AA'],
  o: ['AO'],
  e: ['AH'],
  ê: ['EH'],
  i: ['IY'],
  u: ['UW'],
  ü: ['Y', 'UW'],
  ai: ['AY'],
  ei: ['EY'],
  ao: ['AW'],
  ou: ['OW'],
  an: ['AA', 'N'],
  en: ['AH', 'N'],
  ang: ['AA', 'NG'],
  eng: ['AH', 'NG'],
  ong: ['UH', 'NG'],
  er: ['ER'],
  ia: ['Y', 'AA'],
  ie: ['Y', 'EH'],
  iao: ['Y', 'AW'],
  iu: ['Y', 'OW'],
  iou: ['Y', 'OW'],
  ian: ['Y', 'EH', 'N'],
  in: ['IY', 'N'],
  iang: ['Y', 'AA', 'NG'],
  ing: ['IH', 'NG'],
  iong: ['Y', 'UH', 'NG'],
  ua: ['W', 'AA'],
  uo: ['W', 'AO'],
  uai: ['W', 'AY'],
  ui: ['W', 'EY'],
  uei: ['W', 'EY'],
  uan: ['W', 'AA', 'N'],
  un: ['W', 'AH', 'N'],
  uen: ['W', 'AH', 'N'],
  uang: ['W', 'AA', 'NG'],
  ueng: ['W', 'AH', 'NG'],
  üe: ['Y', 'UW', 'EH'],
  ue: ['Y', 'UW', 'EH'],
  üan: ['Y', 'UW', 'EH', 'N'],
  ün: ['Y', 'UW', 'N'],
};

function mandarinPhones(text: string): string[] {
  const han = text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  if (han === '') return [];
  const initials = pinyin(han, { type: 'array', pattern: 'initial' });
  const finals = pinyin(han, { type: 'array', pattern: 'final', toneType: 'none' });
  return finals.flatMap((final, i) => {
    const initial = initials[i] ?? '';
    // The apical vowel of zi/ci/si and zhi/chi/shi/ri is no [i]: the nearest English vowels are IH and ER.
    if (final === 'i' && /^[zcs]$/.test(initial)) return [...(PINYIN_INITIALS[initial] ?? []), 'IH'];
    if (final === 'i' && /^(zh|ch|sh|r)$/.test(initial)) return [...(PINYIN_INITIALS[initial] ?? []), 'ER'];
    // pinyin-pro gives y and w as initials: they are the glides of i-, ü- and u- finals (yue = üe, wo = uo).
    if (initial === 'y') return glided(/^[uü]/.test(final) ? `ü${final.slice(1)}` : `i${final}`, final, 'Y');
    if (initial === 'w') return glided(final === 'u' ? 'u' : `u${final}`, final, 'W');
    const vowel = PINYIN_FINALS[final] ?? [];
    return [...(PINYIN_INITIALS[initial] ?? []), ...vowel];
  });
}

/** A y- or w- syllable: its full final when pinyin has one (ye → ie), else the glide before the written final. */
function glided(full: string, written: string, glide: 'Y' | 'W'): string[] {
  if (full === 'ii' || full.startsWith('ii')) return PINYIN_FINALS[written] ?? [];
  return PINYIN_FINALS[full] ?? [glide, ...(PINYIN_FINALS[written] ?? [])];
}

/** Initial consonants ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ, at the start of a word. */
const HANGUL_INITIALS: string[][] = [
  ['K'],
  ['K'],
  ['N'],
  ['T'],
  ['T'],
  ['R'],
  ['M'],
  ['P'],
  ['P'],
  ['S'],
  ['S'],
  [],
  ['CH'],
  ['CH'],
  ['CH'],
  ['K'],
  ['T'],
  ['P'],
  ['HH'],
];
/** The lenis stops ㄱ ㄷ ㅂ ㅈ are voiced between voiced sounds. */
const VOICED_LENIS: Record<number, string> = { 0: 'G', 3: 'D', 7: 'B', 12: 'JH' };
/** Vowels ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ. */
const HANGUL_VOWELS: string[][] = [
  ['AA'],
  ['EH'],
  ['Y', 'AA'],
  ['Y', 'EH'],
  ['AH'],
  ['EH'],
  ['Y', 'AH'],
  ['Y', 'EH'],
  ['OW'],
  ['W', 'AA'],
  ['W', 'EH'],
  ['W', 'EH'],
  ['Y', 'OW'],
  ['UW'],
  ['W', 'AH'],
  ['W', 'EH'],
  ['W', 'IY'],
  ['Y', 'UW'],
  ['UH'],
  ['UH', 'IY'],
  ['IY'],
];
/**
 * Final consonants (index 1–27; 0 is none) as they sound at the end of a syllable: the seven closing sounds
 * k n t l m p ng, and the initial index each moves to before a vowel (liaison: 상담원 → sang-da-mwon).
 */
const HANGUL_FINALS: { coda: string[]; carried: number }[] = [
  { coda: [], carried: -1 },
  { coda: ['K'], carried: 0 },
  { coda: ['K'], carried: 1 },
  { coda: ['K'], carried: 9 },
  { coda: ['N'], carried: 2 },
  { coda: ['N'], carried: 12 },
  { coda: ['N'], carried: 18 },
  { coda: ['T'], carried: 3 },
  { coda: ['L'], carried: 5 },
  { coda: ['K'], carried: 0 },
  { coda: ['M'], carried: 6 },
  { coda: ['L'], carried: 7 },
  { coda: ['L'], carried: 9 },
  { coda: ['L'], carried: 16 },
  { coda: ['P'], carried: 17 },
  { coda: ['L'], carried: 18 },
  { coda: ['M'], carried: 6 },
  { coda: ['P'], carried: 7 },
  { coda: ['P'], carried: 9 },
  { coda: ['T'], carried: 9 },
  { coda: ['T'], carried: 10 },
  { coda: ['NG'], carried: -1 },
  { coda: ['T'], carried: 12 },
  { coda: ['T'], carried: 14 },
  { coda: ['K'], carried: 15 },
  { coda: ['T'], carried: 16 },
  { coda: ['P'], carried: 17 },
  { coda: [], carried: 18 },
];
/** A stop before a nasal becomes the nasal of its place: 합니다 → ham-ni-da, 국민 → gung-min. */
const NASALIZED: Record<string, string> = { K: 'NG', T: 'N', P: 'M' };

function koreanPhones(text: string): string[] {
  const phones: string[] = [];
  for (const word of text.match(/[\uac00-\ud7a3]+/gu) ?? []) {
    const syllables = [...word].map((ch) => {
      const code = (ch.codePointAt(0) ?? 0xac00) - 0xac00;
      return { initial: Math.floor(code / 588), vowel: Math.floor((code % 588) / 28), final: code % 28 };
    });
    for (const [i, syllable] of syllables.entries()) {
      const previous = syllables[i - 1];
      const next = syllables[i + 1];
      let initial = syllable.initial;
      let carriedIn = false;
      // A final consonant before a vowel-initial syllable (ㅇ) is carried over as its initial.
      if (previous !== undefined && initial === 11 && previous.final !== 0 && previous.final !== 21) {
        initial = HANGUL_FINALS[previous.final]?.carried ?? 11;
        carriedIn = true;
      }
      let onset = HANGUL_INITIALS[initial] ?? [];
      const voicedBefore =
        previous !== undefined && (carriedIn || previous.final === 0 || [4, 8, 16, 21].includes(previous.final));
      if (voicedBefore && VOICED_LENIS[initial] !== undefined) onset = [VOICED_LENIS[initial] ?? ''];
      if (initial === 5 && previous !== undefined && (carriedIn || previous.final === 0)) onset = ['D'];
      if (initial === 5 && previous === undefined) onset = ['R'];
      phones.push(...onset, ...(HANGUL_VOWELS[syllable.vowel] ?? []));
      const carriedOut = next !== undefined && next.initial === 11 && syllable.final !== 0 && syllable.final !== 21;
      if (carriedOut) continue;
      let coda = HANGUL_FINALS[syllable.final]?.coda ?? [];
      const nextInitial = next?.initial;
      if ((nextInitial === 2 || nextInitial === 6) && coda[0] !== undefined && NASALIZED[coda[0]] !== undefined)
        coda = [NASALIZED[coda[0]] ?? ''];
      phones.push(...coda);
    }
  }
  return phones;
}
