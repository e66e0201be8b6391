import { readFileSync } from 'node:fs';
import type { LabelledUtterance } from '../src/sentiment/measureSentimentAccuracy.ts';

/** The locales that have a labelled set in data/. */
export const SENTIMENT_SET_LOCALES = ['en', 'zh-CN', 'ko-KR'] as const;

/** Reads `data/sentimentSet.<locale>.jsonl` (the test and the accuracy report share it). */
export function readSentimentSet(locale: string): LabelledUtterance[] {
  const file = new URL(`../data/sentimentSet.${locale}.jsonl`, import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledUtterance);
}
