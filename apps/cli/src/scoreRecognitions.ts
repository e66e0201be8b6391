/** One recording's expected and reached option (null when the file could not be heard). */
export interface RecognitionScore {
  expect: string;
  got: string | null;
  group?: string | undefined;
}

/** Accuracy of a set: in-grammar recordings that reached their option, out-of-grammar ones wrongly accepted. */
export interface RecognitionSummary {
  inGrammar: { total: number; correct: number; accuracy: number };
  outOfGrammar: { total: number; accepted: number; acceptance: number };
  /** The same per `group` label, when the manifest gives groups. */
  groups?: Record<string, Omit<RecognitionSummary, 'groups'>>;
}

/**
 * Scores recognitions: an in-grammar recording (`expect` a key) counts when it reached exactly that key; an
 * out-of-grammar one (`expect: ""`) counts as accepted when it reached any option at all.
 */
export function scoreRecognitions(scores: readonly RecognitionScore[]): RecognitionSummary {
  const summary = summarize(scores);
  const groups = [...new Set(scores.flatMap((score) => (score.group === undefined ? [] : [score.group])))].toSorted();
  if (groups.length === 0) return summary;
  return {
    ...summary,
    groups: Object.fromEntries(groups.map((group) => [group, summarize(scores.filter((s) => s.group === group))])),
  };
}

function summarize(scores: readonly RecognitionScore[]): Omit<RecognitionSummary, 'groups'> {
  const inGrammar = scores.filter((score) => score.expect !== '');
  const outOfGrammar = scores.filter((score) => score.expect === '');
  const correct = inGrammar.filter((score) => score.got === score.expect).length;
  const accepted = outOfGrammar.filter((score) => score.got !== null && score.got !== '').length;
  return {
    inGrammar: { total: inGrammar.length, correct, accuracy: ratio(correct, inGrammar.length) },
    outOfGrammar: { total: outOfGrammar.length, accepted, acceptance: ratio(accepted, outOfGrammar.length) },
  };
}

function ratio(count: number, total: number): number {
  return total === 0 ? 0 : Number((count / total).toFixed(4));
}
