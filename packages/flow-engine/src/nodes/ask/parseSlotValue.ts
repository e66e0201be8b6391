import type { SlotConfig } from '@omniflow/flow-schema';
import { matchChoice } from '../../matching/matchChoice.ts';
import { parseCjkNumeral } from '../../matching/parseCjkNumeral.ts';
import { parseSpokenDigits } from '../../matching/parseSpokenDigits.ts';
import { parseYesNo } from '../../matching/parseYesNo.ts';
import type { CallerInput, NodeScope } from '../../nodeTypes/nodeRuntime.ts';

/** A value read from caller input, or `null` when the input does not fit the slot's type. */
export type SlotValue = { value: string | number | boolean } | null;

/**
 * Reads a typed slot value from keypad, speech or text: digits, numbers, amounts (`*` is the keypad's
 * decimal point), dates (keypad `YYYYMMDD`, typed ISO or a date the platform can parse), yes/no
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
      const value = keys !== null ? toNumber(keys) : readNumber(raw, scope.locale);
      return value === null ? null : { value };
    }
    case 'amount': {
      const value = keys !== null ? toNumber(keys.replace('*', '.')) : readNumber(raw.replace(/[$€£¥₩,]/g, ''), scope.locale);
      return value === null ? null : { value: Math.round(value * 100) / 100 };
    }
    case 'date': {
      const date = keys !== null ? compactDate(keys) : textDate(raw);
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
        choices.map((choice) => ({ key: choice.value, label: scope.text(choice.label), synonyms: choice.synonyms?.[scope.locale] ?? [] })),
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

function readNumber(text: string, locale: string): number | null {
  const numeric = text.match(/-?\d+(?:\.\d+)?/);
  if (numeric) return toNumber(numeric[0]);
  const cjk = parseCjkNumeral(text.trim());
  if (cjk !== null) return cjk;
  const spoken = parseSpokenDigits(text, locale);
  return spoken === null ? null : toNumber(spoken);
}

function compactDate(digits: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  return match ? validDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function textDate(text: string): string | null {
  const iso = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /\b(\d{8})\b/.exec(text);
  if (compact?.[1]) return compactDate(compact[1]);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  return validDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
