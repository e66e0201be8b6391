import { redactText, type SentimentLabel } from '@omniflow/analytics';
import { MASK, type OutputEvent, type TranscriptEntry, type TranscriptRedactor } from '@omniflow/flow-engine';
import type { RedactionSettings } from '../config/redactionSettings.ts';
import { scoreCallerText } from '../contact/contactSentimentScorer.ts';

/** A stored transcript entry: the engine's entry, with the sentiment of a caller's typed or spoken turn. */
export interface StoredTranscriptEntry extends TranscriptEntry {
  sentiment?: { score: number; label: SentimentLabel };
}

/**
 * Redacts caller free text for the engine's recorder and scores each caller turn's sentiment before it is stored
 * (issue 17); both are pure and sub-millisecond per turn, so they run inline with the turn.
 */
export class TranscriptAnalyzer {
  /** The redactor handed to every session; undefined when redaction is off. */
  readonly redact: TranscriptRedactor | undefined;

  constructor(settings: RedactionSettings) {
    // An empty pattern list must stay `undefined`: redactText skips its detectors for text with no digit or @ then.
    const options = settings.accountPatterns.length > 0 ? { accountPatterns: settings.accountPatterns } : {};
    this.redact = settings.enabled ? (text, locale) => redactText(text, { ...options, locale }).redacted : undefined;
  }

  /**
   * The turn's outputs as they leave the session: a transfer's reason and free-text variables are redacted too,
   * since a flow may have kept what the caller typed (its transcript was redacted by the engine already).
   */
  forward(outputs: OutputEvent[], locale: string): OutputEvent[] {
    const redact = this.redact;
    if (!redact || !outputs.some((output) => output.type === 'transfer')) return outputs;
    return outputs.map((output) => {
      if (output.type !== 'transfer') return output;
      const variables: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(output.variables))
        variables[name] = typeof value === 'string' ? redact(value, locale) : value;
      return {
        ...output,
        variables,
        ...(output.reason === undefined ? {} : { reason: redact(output.reason, locale) }),
      };
    });
  }

  /** The turn's entries as stored: caller text and speech carry their sentiment in the session's locale. */
  annotate(entries: readonly TranscriptEntry[], locale: string): StoredTranscriptEntry[] {
    return entries.map((entry) => {
      if (!isScored(entry)) return entry;
      // Three decimals are plenty for a −1..1 score and keep the stored JSON short.
      return { ...entry, sentiment: scoreCallerText(entry.text, locale) };
    });
  }
}

/** Typed or spoken caller turns carry sentiment; keys, silences, hang-ups and masked answers do not. */
function isScored(entry: TranscriptEntry): boolean {
  return (
    entry.from === 'caller' &&
    (entry.kind === 'text' || entry.kind === 'speech') &&
    entry.text !== MASK &&
    entry.text.trim() !== ''
  );
}
