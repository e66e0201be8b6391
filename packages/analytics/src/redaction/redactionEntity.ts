/** The kinds of sensitive value the redactor finds; each renders as its upper-case tag, e.g. `[CARD]`. */
export type RedactionEntityType = 'card' | 'cn_id' | 'kr_rrn' | 'phone' | 'email' | 'account';

/** A sensitive value found in a text: its type and its UTF-16 offsets in the original text (end exclusive). */
export interface RedactionEntity {
  readonly type: RedactionEntityType;
  readonly start: number;
  readonly end: number;
}

/** Every entity type, in the order a detection wins when two overlap (an 18-digit CN ID may also pass Luhn). */
export const REDACTION_ENTITY_TYPES: readonly RedactionEntityType[] = [
  'email',
  'cn_id',
  'kr_rrn',
  'card',
  'account',
  'phone',
];

/** The tag that replaces a value of `type` in redacted text, e.g. `[CN_ID]`. */
export function redactionTag(type: RedactionEntityType): string {
  return `[${type.toUpperCase()}]`;
}
