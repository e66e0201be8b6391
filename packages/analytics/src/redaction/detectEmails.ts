import type { RedactionEntity } from './redactionEntity.ts';

// Bounded repetitions keep the worst case linear in the text, whatever a caller pastes.
const EMAIL =
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/gu;

/** Finds e-mail addresses in width-folded text. */
export function detectEmails(text: string): RedactionEntity[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    type: 'email',
    start: match.index,
    end: match.index + match[0].length,
  }));
}
