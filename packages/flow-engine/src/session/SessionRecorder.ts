import type { Locale } from '@omniflow/flow-schema';
import { MASK } from '../compile/nodeScope.ts';
import type { InputEvent, OutputEvent, TranscriptEntry } from './sessionEvents.ts';
import type { TranscriptRedactor } from './sessionTypes.ts';

/**
 * Collects a turn's outputs and transcript lines. It also keeps the transcript of earlier turns (outside the
 * snapshot), unless the host keeps it: a transcript lives as long as the call, and holding a second copy of what
 * the host stores anyway costs memory and garbage-collector time on every turn.
 */
export class SessionRecorder {
  #outputs: OutputEvent[] = [];
  #entries: TranscriptEntry[] = [];
  /** Entries of earlier turns, or null when the host keeps them. */
  readonly #history: TranscriptEntry[] | null;
  readonly #now: () => number;
  readonly #redact: TranscriptRedactor | null;
  #stampedAt = Number.NaN;
  #stamped = '';
  #holding = false;
  #fresh = false;

  constructor(now: () => number, prior: readonly TranscriptEntry[] | null, redact: TranscriptRedactor | null = null) {
    this.#now = now;
    this.#redact = redact;
    this.#history = prior ? [...prior] : null;
  }

  /**
   * Records caller input as heard; input at a sensitive node is masked, and other input goes through the host's
   * redactor (the machine still matches the input as heard: only the recorded line is rewritten).
   */
  caller(input: InputEvent, nodeId: string | undefined, sensitive: boolean, locale: Locale): void {
    const heard =
      input.type === 'dtmf'
        ? input.digits
        : input.type === 'speech'
          ? input.transcript
          : input.type === 'text'
            ? input.text
            : `(${input.type})`;
    const free = input.type === 'dtmf' || input.type === 'speech' || input.type === 'text';
    const text = sensitive && free ? MASK : free && this.#redact ? this.#redact(heard, locale) : heard;
    const entry: TranscriptEntry = { at: this.#stamp(), from: 'caller', text, kind: input.type };
    if (nodeId !== undefined) entry.nodeId = nodeId;
    if (input.type === 'speech' && input.confidence !== undefined) entry.confidence = input.confidence;
    this.#entries.push(entry);
  }

  /** Records an output event of this turn. */
  output(event: OutputEvent): void {
    this.#outputs.push(event);
    switch (event.type) {
      case 'say':
        // A prompt may echo what the caller said ("You said {{reason}}"), so its record is redacted as well.
        this.#entries.push({
          at: this.#stamp(),
          from: 'bot',
          nodeId: event.nodeId,
          text: this.#redact ? this.#redact(event.text, event.locale) : event.text,
        });
        break;
      case 'transfer':
        this.#entries.push({
          at: this.#stamp(),
          from: 'system',
          nodeId: event.nodeId,
          text: `transfer to ${event.queue ?? event.agent ?? 'an agent'}`,
          kind: 'transfer',
        });
        break;
      case 'end': {
        const entry: TranscriptEntry = { at: this.#stamp(), from: 'system', text: `end: ${event.reason}`, kind: 'end' };
        if (event.nodeId !== undefined) entry.nodeId = event.nodeId;
        this.#entries.push(entry);
        break;
      }
      case 'prompt':
        break;
    }
  }

  /** Records a system line (a port taken, an error). */
  note(nodeId: string, text: string, port?: string): void {
    const entry: TranscriptEntry = { at: this.#stamp(), from: 'system', nodeId, text };
    if (port !== undefined) entry.port = port;
    this.#entries.push(entry);
  }

  /** The transcript up to now: earlier turns' entries (none when the host keeps them), then the current turn's. */
  sofar(): TranscriptEntry[] {
    return this.#history ? [...this.#history, ...this.#entries] : [...this.#entries];
  }

  /** Ends the turn: hands out its outputs and entries and starts the next. */
  flush(): { outputs: OutputEvent[]; transcript: TranscriptEntry[] } {
    const turn = { outputs: this.#outputs, transcript: this.#entries };
    if (this.#history) for (const entry of this.#entries) this.#history.push(entry);
    this.#outputs = [];
    this.#entries = [];
    return turn;
  }

  /** Entries from now until `release` belong to one synchronous run of the machine (a caller turn) and share one clock reading. */
  hold(): void {
    this.#holding = true;
    this.#fresh = false;
  }

  /** Ends a `hold`: later entries (a handler settling after the turn) read the clock each. */
  release(): void {
    this.#holding = false;
    this.#fresh = false;
  }

  #stamp(): string {
    // Formatting a date costs more than a whole machine transition: a turn's synchronous entries share one clock
    // reading, and a reading in the same millisecond reuses the formatted date.
    if (this.#fresh) return this.#stamped;
    this.#fresh = this.#holding;
    const now = this.#now();
    if (now !== this.#stampedAt) {
      this.#stampedAt = now;
      this.#stamped = new Date(now).toISOString();
    }
    return this.#stamped;
  }
}

/** A copy of the variables with sensitive values replaced by `****`. */
export function maskVariables(
  variables: Readonly<Record<string, unknown>>,
  sensitive: ReadonlySet<string>,
): Record<string, unknown> {
  // One spread, then only the (few) sensitive names: cheaper per turn than rebuilding the record entry by entry.
  const masked: Record<string, unknown> = { ...variables };
  for (const name of sensitive) {
    const value = masked[name];
    if (Object.hasOwn(masked, name) && value !== null && value !== undefined && value !== '') masked[name] = MASK;
  }
  return masked;
}
