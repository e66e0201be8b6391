import { redactText, type RedactionOptions } from './redactText.ts';
import { REDACTION_ENTITY_TYPES, type RedactionEntity, type RedactionEntityType } from './redactionEntity.ts';

/** One row of a redaction set (`data/redactionSet.jsonl`): a text and the entities it must yield (none for a hard negative). */
export interface RedactionCase {
  readonly text: string;
  readonly locale: string;
  readonly kind: 'positive' | 'hardNegative';
  readonly entities: readonly RedactionEntity[];
}

/** Recall per entity type and overall precision of the redactor on a set; a detection counts only with its exact span and type. */
export interface RedactionQuality {
  readonly recall: Readonly<Record<RedactionEntityType, { readonly found: number; readonly expected: number }>>;
  readonly precision: number;
  readonly falsePositives: readonly { readonly text: string; readonly entity: RedactionEntity }[];
  readonly misses: readonly { readonly text: string; readonly entity: RedactionEntity }[];
}

/** Runs `redactText` over a redaction set and measures it. */
export function measureRedaction(cases: readonly RedactionCase[], options: RedactionOptions = {}): RedactionQuality {
  const recall = Object.fromEntries(REDACTION_ENTITY_TYPES.map((type) => [type, { found: 0, expected: 0 }])) as Record<
    RedactionEntityType,
    { found: number; expected: number }
  >;
  const falsePositives: { text: string; entity: RedactionEntity }[] = [];
  const misses: { text: string; entity: RedactionEntity }[] = [];
  let detected = 0;
  const same = (a: RedactionEntity, b: RedactionEntity): boolean =>
    a.type === b.type && a.start === b.start && a.end === b.end;
  for (const { text, locale, entities: expected } of cases) {
    const { entities } = redactText(text, { ...options, locale });
    detected += entities.length;
    for (const entity of entities)
      if (!expected.some((want) => same(want, entity))) falsePositives.push({ text, entity });
    for (const want of expected) {
      recall[want.type].expected++;
      if (entities.some((entity) => same(want, entity))) recall[want.type].found++;
      else misses.push({ text, entity: want });
    }
  }
  return {
    recall,
    precision: detected === 0 ? 1 : (detected - falsePositives.length) / detected,
    falsePositives,
    misses,
  };
}
