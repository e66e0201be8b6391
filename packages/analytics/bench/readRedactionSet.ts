import { readFileSync } from 'node:fs';
import type { RedactionCase } from '../src/redaction/measureRedaction.ts';

/** The account pattern the set's ACC- rows are written for. */
export const REDACTION_SET_OPTIONS = { accountPatterns: ['ACC-\\d{8}'] } as const;

/** Reads `data/redactionSet.jsonl` (written by generateRedactionSet.ts). */
export function readRedactionSet(): RedactionCase[] {
  return readFileSync(new URL('../data/redactionSet.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RedactionCase);
}
