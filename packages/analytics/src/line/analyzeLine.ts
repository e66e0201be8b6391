import { analyzeSentiment, type SentimentLabel } from '../sentiment/analyzeSentiment.ts';
import { redactText, type RedactionOptions } from '../redaction/redactText.ts';
import type { RedactionEntity } from '../redaction/redactionEntity.ts';

/** One input line of `omniflow analyze`: a text and its locale. */
export interface AnalyzeLineInput {
  readonly text: string;
  readonly locale?: string;
}

/** One output line of `omniflow analyze`: the same sentiment and redaction the runtime stores per transcript entry. */
export interface AnalyzeLineOutput {
  readonly sentiment: number;
  readonly label: SentimentLabel;
  readonly redacted: string;
  readonly entities: readonly RedactionEntity[];
}

/** Analyzes one text as the runtime does per caller turn: sentiment (rounded to 3 decimals) and redaction. */
export function analyzeLine(
  input: AnalyzeLineInput,
  options: Omit<RedactionOptions, 'locale'> = {},
): AnalyzeLineOutput {
  const locale = input.locale ?? 'en';
  const { score, label } = analyzeSentiment(input.text, locale);
  const { redacted, entities } = redactText(input.text, { ...options, locale });
  return { sentiment: Math.round(score * 1000) / 1000, label, redacted, entities };
}
