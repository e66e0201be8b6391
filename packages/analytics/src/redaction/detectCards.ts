import type { RedactionEntity } from './redactionEntity.ts';

// A digit run that may be spaced or dashed any way a person or a speech recognizer writes it ("4111 1111-1111 1111",
// "4 1 1 1 …"); letters or digits right beside it make it part of some other code.
const DIGIT_RUN = /(?<![0-9A-Za-z])\d(?:[ -]{0,2}\d){12,}(?![0-9A-Za-z])/gu;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

/** Finds payment card numbers: 13–19 digits with any spacing that pass the Luhn check, in width-folded text. */
export function detectCards(text: string): RedactionEntity[] {
  const found: RedactionEntity[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/gu)].map((group) => ({
      start: run.index + group.index,
      end: run.index + group.index + group[0].length,
      digits: group[0],
    }));
    findCardsInGroups(groups, found);
  }
  return found;
}

interface DigitGroup {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

// A run may hold a card and another number ("card 4111 1111 1111 1111 exp 0927" spoken without words): the card is
// looked for at group boundaries, longest first.
function findCardsInGroups(groups: readonly DigitGroup[], found: RedactionEntity[]): void {
  let first = 0;
  while (first < groups.length) {
    let matchedLast = -1;
    let digits = '';
    const candidates: { last: number; digits: string }[] = [];
    for (let last = first; last < groups.length; last++) {
      digits += groups[last]?.digits ?? '';
      if (digits.length > MAX_DIGITS) break;
      if (digits.length >= MIN_DIGITS) candidates.push({ last, digits });
    }
    for (const candidate of candidates.toReversed()) {
      if (isLuhnValid(candidate.digits)) {
        matchedLast = candidate.last;
        break;
      }
    }
    const start = groups[first]?.start;
    const end = groups[matchedLast]?.end;
    if (start !== undefined && end !== undefined) {
      found.push({ type: 'card', start, end });
      first = matchedLast + 1;
    } else {
      first++;
    }
  }
}

/** The Luhn (mod 10) check that every payment card number carries in its last digit. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}
