import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ProcessResult } from './runProcess.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** Where `make -C apps/runtime/native` puts the decoder helper. */
export const DEFAULT_PSDECODER_BINARY = fileURLToPath(
  new URL('../../native/build/omniflow-psdecoder', import.meta.url),
);

/** Options of a pool of long-lived pocketsphinx decoder processes. */
export interface PocketsphinxDecoderPoolOptions {
  /** The `omniflow-psdecoder` helper (built by `make -C apps/runtime/native`). */
  binary?: string;
  /**
   * Most helper processes; each decodes its streams one after another on one core. They are started when every
   * running one is busy. Default: four per core (the kernel shares a busy machine per process, so a few helpers
   * per core keep pace where one per core falls behind other programs).
   */
  processes?: number;
  /** Idle decoders each helper keeps for reuse (all argument lists together; ~6.5 MB each with the en-US model). */
  keepDecoders?: number;
  logger?: VoiceLogger;
}

/** Bounds of one pass, as for a `pocketsphinx_continuous` process. */
export interface DecoderPassOptions {
  /** Relative CPU cost of the pass (the garbage loop costs ~7× the grammar pass), for spreading passes. Default 1. */
  weight?: number;
  /** Bound on the answer after `end()`. */
  timeoutMs: number;
  /** Bound on the whole pass, in case `end()` never comes. */
  lifetimeMs: number;
  signal?: AbortSignal;
}

/**
 * One utterance on a pooled decoder: written as it is spoken. `end()` resolves with what `pocketsphinx_continuous
 * -infile … -time yes` would have printed for the same bytes (stdout) and logged (stderr, with `-backtrace yes`).
 */
export interface DecoderPass {
  write(bytes: Uint8Array): void;
  /** The best path so far (null when the pass is over or failed); asking never changes the final result. */
  partial(): Promise<PartialDecode | null>;
  end(): Promise<ProcessResult>;
}

/** A decoder's best path for the audio so far. */
export interface PartialDecode {
  /** Its words ('' when none yet). */
  hypothesis: string;
  /** Its path score (log domain, comparable between passes over the same audio). */
  score: number;
  /** Frames (10 ms) decoded so far. */
  frames: number;
}

interface Pending {
  resolve(value: ProcessResult | string): void;
  reject(error: Error): void;
}

/** One helper process and the streams it is decoding. */
class Helper {
  readonly child: ChildProcessWithoutNullStreams;
  /** Sum of the weights of the passes it decodes now. */
  active = 0;
  exited = false;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, Pending[]>();
  private stderrTail = '';

  constructor(
    binary: string,
    keep: number,
    private readonly onExit: (helper: Helper, reason: string) => void,
  ) {
    // Its own session, as the per-utterance decoders had: where the kernel groups CPU time by session
    // (autogroup), a helper inside the runtime's session would share one slice with the runtime itself. It still
    // exits when the runtime does: its input ends.
    this.child = spawn(binary, ['--keep', String(keep)], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    // An idle helper must not keep the runtime (or a CLI run) alive; pending passes hold their own timers.
    this.child.unref();
    for (const pipe of [this.child.stdin, this.child.stdout, this.child.stderr])
      (pipe as unknown as { unref?: () => void }).unref?.();
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-500);
    });
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error) => this.fail(`could not run ${binary}: ${error.message}`));
    this.child.on('exit', (code, signal) => this.fail(`exited (${signal ?? code}) ${this.stderrTail.trim()}`.trim()));
  }

  send(type: string, id: number, payload: Uint8Array = new Uint8Array(0)): void {
    if (this.exited || !this.child.stdin.writable) return;
    const head = Buffer.alloc(9);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(id, 1);
    head.writeUInt32LE(payload.length, 5);
    this.child.stdin.write(payload.length === 0 ? head : Buffer.concat([head, payload]));
  }

  /** Waits for the next answer to stream `id` ('H', 'R' or 'X'); answers come in request order. */
  expect(id: number): Promise<ProcessResult | string> {
    if (this.exited) return Promise.reject(new Error('pocketsphinx decoder helper is not running'));
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(id) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(id, queue);
    });
  }

  /** Drops the waiters of a stream that was cancelled. */
  forget(id: number): void {
    for (const pending of this.waiting.get(id) ?? []) pending.reject(new Error('pocketsphinx pass cancelled'));
    this.waiting.delete(id);
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 9) {
      const length = this.buffered.readUInt32LE(5);
      if (this.buffered.length < 9 + length) return;
      const type = String.fromCharCode(this.buffered[0] ?? 0);
      const id = this.buffered.readUInt32LE(1);
      const payload = this.buffered.subarray(9, 9 + length);
      this.buffered = this.buffered.subarray(9 + length);
      const queue = this.waiting.get(id);
      const pending = queue?.shift();
      if (queue !== undefined && queue.length === 0) this.waiting.delete(id);
      if (pending === undefined) continue;
      if (type === 'H') pending.resolve(payload.toString('utf8'));
      else if (type === 'R') {
        const split = payload.indexOf(0);
        pending.resolve({
          stdout: Buffer.from(payload.subarray(0, split)),
          stderr: payload.subarray(split + 1).toString('utf8'),
          code: 0,
        });
      } else pending.reject(new Error(`pocketsphinx refused the pass: ${payload.toString('utf8')}`));
    }
  }

  private fail(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    for (const queue of this.waiting.values())
      for (const pending of queue) pending.reject(new Error(`pocketsphinx decoder helper ${reason}`));
    this.waiting.clear();
    this.onExit(this, reason);
  }
}

/**
 * Long-lived pocketsphinx decoders for the voice gateway (issue 19): a few `omniflow-psdecoder` processes (one per
 * core by default), each holding loaded decoders per argument list (model, dictionary, grammar, options) and
 * decoding many utterances at once over a framed stdin/stdout protocol. No process is started per utterance: a
 * pass costs a frame, not a fork and a model load. A helper that dies fails its passes (the call gets no match)
 * and is started again for the next ones.
 */
export class PocketsphinxDecoderPool {
  private readonly binary: string;
  private readonly size: number;
  private readonly keep: number;
  private readonly logger: VoiceLogger | undefined;
  private readonly helpers: Helper[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PocketsphinxDecoderPoolOptions = {}) {
    this.binary = options.binary ?? DEFAULT_PSDECODER_BINARY;
    this.size = Math.max(1, options.processes ?? 4 * availableParallelism());
    this.keep = options.keepDecoders ?? 8;
    this.logger = options.logger;
  }

  /** Whether the helper has been built (`make -C apps/runtime/native`). */
  available(): boolean {
    return existsSync(this.binary);
  }

  /** How many helper processes run now (for tests and the bench). */
  get processes(): number {
    return this.helpers.length;
  }

  /** Their process ids (for tests and the bench's CPU figures). */
  get pids(): number[] {
    return this.helpers.flatMap((helper) => (helper.child.pid === undefined ? [] : [helper.child.pid]));
  }

  /** Starts one pass with the arguments a `pocketsphinx_continuous` run would get (without `-infile`). */
  start(args: readonly string[], options: DecoderPassOptions): DecoderPass {
    const weight = options.weight ?? 1;
    const helper = this.closed || options.signal?.aborted ? null : this.pick();
    const id = this.nextId;
    this.nextId = this.nextId >= 0xfffffff0 ? 1 : this.nextId + 1;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let rejectEnd: (error: Error) => void = () => undefined;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (helper !== null) helper.active -= weight;
    };
    const cancel = (reason: string): void => {
      if (done) return;
      finish();
      helper?.send('K', id);
      helper?.forget(id);
      rejectEnd(new Error(reason));
    };
    const onAbort = (): void => cancel('pocketsphinx pass aborted');
    const bound = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => cancel(`pocketsphinx pass timed out after ${ms} ms`), ms);
    };
    const ended = new Promise<ProcessResult>((_resolve, reject) => {
      rejectEnd = reject;
    });
    ended.catch(() => undefined);
    if (helper === null) {
      done = true;
      rejectEnd(new Error('pocketsphinx pass not started: the call was aborted or the pool closed'));
    } else {
      helper.active += weight;
      options.signal?.addEventListener('abort', onAbort, { once: true });
      bound(options.lifetimeMs);
      helper.send('S', id, Buffer.from(args.map((arg) => `${arg}\0`).join(''), 'utf8'));
    }
    let result: Promise<ProcessResult> | null = null;
    return {
      write(bytes) {
        if (!done && bytes.length > 0) helper?.send('A', id, bytes);
      },
      async partial() {
        if (done || helper === null) return null;
        helper.send('P', id);
        const answer = await Promise.race([helper.expect(id), ended]).catch(() => null);
        const m = typeof answer === 'string' ? /^(-?\d+) (\d+) ?(.*)$/s.exec(answer) : null;
        return m === null ? null : { score: Number(m[1]), frames: Number(m[2]), hypothesis: m[3] ?? '' };
      },
      end() {
        if (result !== null) return result;
        if (done || helper === null) {
          result = ended;
          return result;
        }
        bound(options.timeoutMs);
        helper.send('E', id);
        result = Promise.race([
          helper.expect(id).then((answer) => {
            if (typeof answer === 'string') throw new Error('pocketsphinx helper answered out of order');
            return answer;
          }),
          ended,
        ]).finally(finish);
        return result;
      },
    };
  }

  /** Stops the helpers (their decoders exit when their input ends). */
  close(): void {
    this.closed = true;
    for (const helper of this.helpers.splice(0)) {
      helper.child.stdin.end();
      setTimeout(() => {
        if (!helper.exited) helper.child.kill('SIGKILL');
      }, 2000).unref();
    }
  }

  /** An idle helper, else a new one while the pool may grow, else the least loaded one. */
  private pick(): Helper {
    const idle = this.helpers.find((helper) => helper.active === 0);
    if (idle === undefined && this.helpers.length < this.size) {
      const helper = new Helper(this.binary, this.keep, (gone, reason) => {
        const at = this.helpers.indexOf(gone);
        if (at >= 0) this.helpers.splice(at, 1);
        if (!this.closed)
          this.logger?.warn({ reason }, 'pocketsphinx decoder helper stopped; starting another on demand');
      });
      this.helpers.push(helper);
      return helper;
    }
    return idle ?? this.helpers.reduce((best, helper) => (helper.active < best.active ? helper : best));
  }
}
