import { endsWithBatchim } from './wording.ts';

/**
 * Korean sentence endings said after a number ("사십이요", "일이에요", "오천원입니다"), with whether the
 * syllable before must end in a consonant (true), a vowel (false) or either (undefined).
 */
const ENDINGS: readonly (readonly [string, boolean | undefined])[] = [
  ['입니다', undefined],
  ['이에요', true],
  ['이고요', true],
  ['이요', true],
  ['이고', true],
  ['예요', false],
  ['고요', false],
  ['요', false],
];

/**
 * The readings of a Korean word with and without a sentence ending the syllable before it allows, longest
 * first: "사십이요" → ["사십이요", "사십이", "사십"] (42 + 요, or 40 + 이요; a reader takes the first that parses).
 */
export function koreanEndingCandidates(word: string): string[] {
  const candidates = [word];
  for (const [ending, afterConsonant] of ENDINGS) {
    if (!word.endsWith(ending) || word.length === ending.length) continue;
    const rest = word.slice(0, -ending.length);
    if (afterConsonant === undefined || endsWithBatchim(rest) === afterConsonant) candidates.push(rest);
  }
  return [...new Set(candidates)].toSorted((a, b) => b.length - a.length);
}
