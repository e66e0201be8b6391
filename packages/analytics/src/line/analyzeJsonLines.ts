import type { RedactionOptions } from '../redaction/redactText.ts';
import { analyzeLine, type AnalyzeLineOutput } from './analyzeLine.ts';

/** A line that could not be analyzed: its 1-based number and why. */
export interface AnalyzeLineError {
  readonly line: number;
  readonly error: string;
}

/** Turns JSON lines (`{"text": "...", "locale": "zh-CN"}`) into analysis results; a bad line yields an error entry, never a throw. */
export async function* analyzeJsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: Omit<RedactionOptions, 'locale'> = {},
): AsyncIterable<AnalyzeLineOutput | AnalyzeLineError> {
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    yield analyzeParsed(line, number, options);
  }
}

function analyzeParsed(
  line: string,
  number: number,
  options: Omit<RedactionOptions, 'locale'>,
): AnalyzeLineOutput | AnalyzeLineError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return {
      line: number,
      error: `not JSON (${error instanceof Error ? error.message : String(error)}); write one object per line, e.g. {"text": "...", "locale": "en"}`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { line: number, error: 'expected an object with a "text" string' };
  const text: unknown = Reflect.get(parsed, 'text');
  const locale: unknown = Reflect.get(parsed, 'locale');
  if (typeof text !== 'string') return { line: number, error: '"text" must be a string' };
  if (locale !== undefined && typeof locale !== 'string')
    return { line: number, error: '"locale" must be a string such as "zh-CN" when given' };
  return analyzeLine(locale === undefined ? { text } : { text, locale }, options);
}
