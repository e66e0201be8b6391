/** One recognition hypothesis. */
export interface RecognitionAlternative {
  transcript: string;
  /** 0..1; comparable between results of the same recognizer only. */
  confidence: number;
}

/** The best hypothesis of an utterance, with the recognizer's other hypotheses. */
export interface RecognitionResult extends RecognitionAlternative {
  alternatives: RecognitionAlternative[];
}

/**
 * Speech recognizer behind the voice gateway: pocketsphinx by default; Vosk, Whisper or a cloud service plug in
 * by implementing this one method. Returns null when nothing was recognized with enough confidence (the flow
 * then takes its no-match path).
 */
export interface Recognizer {
  readonly name: string;
  /**
   * Recognizes one utterance of 16 kHz 16-bit mono PCM against a JSGF grammar (or free-form when null) in a
   * locale such as `en-US`; must honour `signal` and bound its own run time.
   */
  recognize(pcm16k: Int16Array, grammar: string | null, locale: string, signal: AbortSignal): Promise<RecognitionResult | null>;
}
