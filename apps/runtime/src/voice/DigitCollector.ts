/** How one keypad entry ended. */
export type DigitEntryEnd = 'terminator' | 'maxDigits' | 'timeout';

/** A finished keypad entry. */
export interface DigitEntry {
  digits: string;
  reason: DigitEntryEnd;
}

/** What the current prompt accepts from the keypad. */
export interface DigitExpectation {
  maxDigits: number;
  /** Key that ends entry early; `#` by default. */
  terminator?: string;
  interDigitTimeoutMs?: number;
  /** Digits of a sensitive slot are never shown by `describe()`. */
  sensitive?: boolean;
}

/** A millisecond clock; the call's audio clock in production, a counter in tests. */
export interface Clock {
  now(): number;
}

const CLEAR_KEY = '*';
const DEFAULT_INTER_DIGIT_MS = 5000;

/**
 * Collects key presses into entries: the terminator (`#`) ends entry, `*` clears what was typed, a pause of
 * `interDigitTimeoutMs` (5 s) ends it, and keys pressed before a prompt asks (type-ahead) are kept for it.
 */
export class DigitCollector {
  private readonly clock: Clock;
  private buffer = '';
  private lastKeyAt: number | null = null;
  private expectation: DigitExpectation | null = null;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Starts collecting for a prompt; returns at once an entry the type-ahead keys already complete. */
  expect(expectation: DigitExpectation): DigitEntry | null {
    this.expectation = expectation;
    if (this.buffer.length > 0) this.lastKeyAt = this.clock.now();
    return this.complete();
  }

  /** Stops completing entries (no prompt is listening); later keys are kept as type-ahead. */
  pause(): void {
    this.expectation = null;
  }

  /** Records one key; returns the entry it completes, if any. */
  press(key: string): DigitEntry | null {
    if (!/^[0-9A-D*#]$/.test(key)) return null;
    this.lastKeyAt = this.clock.now();
    const terminator = this.expectation?.terminator ?? '#';
    if (key === CLEAR_KEY && terminator !== CLEAR_KEY) {
      this.buffer = '';
      return null;
    }
    this.buffer += key;
    return this.complete();
  }

  /** Ends the entry when the inter-digit pause has passed; call it as time advances. */
  tick(): DigitEntry | null {
    if (this.msUntilTimeout() !== 0) return null;
    return this.take(this.buffer.length, 0, 'timeout');
  }

  /** Milliseconds of quiet left before `tick()` ends the entry in progress; null while no entry is being timed. */
  msUntilTimeout(): number | null {
    const expectation = this.expectation;
    if (expectation === null || this.buffer.length === 0 || this.lastKeyAt === null) return null;
    return Math.max(0, this.lastKeyAt + (expectation.interDigitTimeoutMs ?? DEFAULT_INTER_DIGIT_MS) - this.clock.now());
  }

  /** True when keys are waiting (an entry in progress or type-ahead). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  /** The buffer as it may appear in a log: masked for a sensitive slot. */
  describe(): string {
    return this.expectation?.sensitive ? '•'.repeat(this.buffer.length) : this.buffer;
  }

  /** Drops every key, typed ahead or not. */
  reset(): void {
    this.buffer = '';
    this.lastKeyAt = null;
  }

  private complete(): DigitEntry | null {
    const expectation = this.expectation;
    if (expectation === null) return null;
    const terminator = expectation.terminator ?? '#';
    const end = this.buffer.indexOf(terminator);
    if (end >= 0 && end <= expectation.maxDigits) return this.take(end, 1, 'terminator');
    if (this.buffer.length >= expectation.maxDigits) return this.take(expectation.maxDigits, 0, 'maxDigits');
    return null;
  }

  /** Removes an entry of `length` keys (plus `skip` terminator keys) and keeps the rest as type-ahead. */
  private take(length: number, skip: number, reason: DigitEntryEnd): DigitEntry {
    const digits = this.buffer.slice(0, length);
    this.buffer = this.buffer.slice(length + skip);
    this.expectation = null;
    this.lastKeyAt = this.buffer.length > 0 ? this.clock.now() : null;
    return { digits, reason };
  }
}
