import { analyzeSentiment, type SentimentLabel } from './analyzeSentiment.ts';

/** One labelled utterance of a sentiment set (`data/sentimentSet.<locale>.jsonl`). */
export interface LabelledUtterance {
  readonly text: string;
  readonly label: SentimentLabel;
  /** `tune` rows were looked at while the domain lexicon was written; `holdout` rows were not. */
  readonly split: 'tune' | 'holdout';
}

/** Accuracy of the analyzer on one set, overall and per split, with the rows it got wrong. */
export interface SentimentAccuracy {
  readonly total: number;
  readonly accuracy: number;
  readonly tuneAccuracy: number;
  readonly holdoutAccuracy: number;
  readonly misses: readonly {
    readonly text: string;
    readonly expected: SentimentLabel;
    readonly got: SentimentLabel;
    readonly score: number;
  }[];
}

/** Runs the analyzer over a labelled set in `locale` and reports its three-class accuracy. */
export function measureSentimentAccuracy(rows: readonly LabelledUtterance[], locale: string): SentimentAccuracy {
  const misses: { text: string; expected: SentimentLabel; got: SentimentLabel; score: number }[] = [];
  const right = { tune: 0, holdout: 0 };
  const count = { tune: 0, holdout: 0 };
  for (const row of rows) {
    const { score, label } = analyzeSentiment(row.text, locale);
    count[row.split]++;
    if (label === row.label) right[row.split]++;
    else misses.push({ text: row.text, expected: row.label, got: label, score });
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    total: rows.length,
    accuracy: ratio(right.tune + right.holdout, rows.length),
    tuneAccuracy: ratio(right.tune, count.tune),
    holdoutAccuracy: ratio(right.holdout, count.holdout),
    misses,
  };
}
