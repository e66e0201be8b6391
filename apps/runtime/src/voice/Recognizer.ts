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
  recognize(
    pcm16k: Int16Array,
    grammar: string | null,
    locale: string,
    signal: AbortSignal,
    sourceRate?: number,
  ): Promise<RecognitionResult | null>;
  /**
   * Optional streaming form, started when the caller starts speaking: audio is written as it arrives so that at
   * the end of speech only the tail remains to decode. Returns null when it cannot stream this request (the
   * gateway then falls back to `recognize`). `signal` aborts the stream and frees everything it holds.
   * `sourceRate` (both methods) is the call's own rate before the audio was resampled to 16 kHz, when known: 8000
   * means telephone audio with nothing above 4 kHz.
   */
  startStream?(
    grammar: string | null,
    locale: string,
    signal: AbortSignal,
    sourceRate?: number,
  ): RecognitionStream | null;
  /** Optional: gets ready for a grammar (files, models) while the prompt plays, before the caller speaks. */
  prepare?(grammar: string | null, locale: string): void;
}

/** One utterance being recognized while it is spoken. */
export interface RecognitionStream {
  /** Appends 16 kHz 16-bit mono PCM. */
  write(pcm16k: Int16Array): void;
  /** The audio is complete: the same answer `recognize` gives for all the audio written. */
  finish(): Promise<RecognitionResult | null>;
  /**
   * Optional: the best words for the audio written so far, and whether they already make a whole answer the
   * grammar accepts (the call then ends the utterance after a shorter silence); null when unknown. Asking never
   * changes what `finish` gives.
   */
  partial?(): Promise<PartialResult | null>;
}

/** What a streaming recognizer has heard so far. */
export interface PartialResult {
  transcript: string;
  /** The words are a complete sentence of the grammar (an option), not a prefix of one. */
  complete: boolean;
}
