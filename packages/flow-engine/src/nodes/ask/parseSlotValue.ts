import type { SlotConfig } from './askSpec.ts';
import { matchChoice } from '../../matching/matchChoice.ts';
import { parseAmount } from '../../matching/parseAmount.ts';
import { parseDate } from '../../matching/parseDate.ts';
import { parseNumber } from '../../matching/parseNumber.ts';
import { parseSpokenDigits } from '../../matching/parseSpokenDigits.ts';
import { parseYesNo } from '../../matching/parseYesNo.ts';
import type { CallerInput, NodeScope } from '../../nodeTypes/nodeRuntime.ts';

/** A value read from caller input, or `null` when the input does not fit the slot's type. */
export type SlotValue = { value: string | number | boolean } | null;

/**
 * Reads a typed slot value from keypad, speech or text with the matching readers: digits, numbers, amounts
 * (`*` is the keypad's decimal point), dates (keypad `YYYYMMDD`, or spoken and written forms), yes/no
 * (keypad 1/2), a choice (keypad position, or label/synonym) or free text.
 */
export function parseSlotValue(slot: SlotConfig, input: CallerInput, scope: NodeScope): SlotValue {
  const raw = input.type === 'dtmf' ? input.digits : input.type === 'speech' ? input.transcript : input.text;
  const keys = input.type === 'dtmf' ? stripTerminator(raw, slot.terminator ?? '#') : null;
  switch (slot.type) {
    case 'digits': {
      const digits = keys ?? parseSpokenDigits(raw, scope.locale);
      return digits !== null && /^\d+$/.test(digits) ? { value: digits } : null;
    }
    case 'number': {
      const value = keys !== null ? toNumber(keys) : parseNumber(raw, scope.locale);
      return value === null ? null : { value };
    }
    case 'amount': {
      const value = parseAmount(keys ?? raw, scope.locale);
      return value === null ? null : { value };
    }
    case 'date': {
      const date = parseDate(keys ?? raw, scope.locale);
      return date === null ? null : { value: date };
    }
    case 'yesNo': {
      if (keys !== null) return keys === '1' ? { value: true } : keys === '2' ? { value: false } : null;
      const yes = parseYesNo(raw, scope.locale);
      return yes === null ? null : { value: yes };
    }
    case 'choice': {
      const choices = slot.choices ?? [];
      if (keys !== null) {
        const picked = choices[Number(keys) - 1];
        return picked && /^\d+$/.test(keys) ? { value: picked.value } : null;
      }
      const found = matchChoice(
        raw,
        choices.map((choice) => ({
          key: choice.value,
          label: scope.text(choice.label),
          synonyms: choice.synonyms?.[scope.locale] ?? [],
        })),
        input.type === 'speech' ? 'voice' : 'chat',
        { locale: scope.locale },
      );
      return found ? { value: found.key } : null;
    }
    case 'text': {
      const text = raw.trim();
      return text === '' ? null : { value: text };
    }
  }
}

function stripTerminator(digits: string, terminator: string): string {
  return digits.endsWith(terminator) ? digits.slice(0, -terminator.length) : digits;
}

function toNumber(text: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
