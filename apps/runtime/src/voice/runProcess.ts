import { spawn } from 'node:child_process';

/** What a finished child process produced. */
export interface ProcessResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/** Options of one child-process run. */
export interface RunProcessOptions {
  input?: Uint8Array;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Runs a command without a shell, feeding `input` on stdin; kills it and rejects on timeout or abort, so every
 * external tool call is bounded.
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error(`${command} not started: the call was aborted`));
      return;
    }
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code });
    };
    const onAbort = (): void => finish(new Error(`${command} aborted`), null);
    const timer = setTimeout(() => finish(new Error(`${command} timed out after ${options.timeoutMs} ms`), null), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => finish(new Error(`${command} could not run: ${error.message} (is the Debian package installed?)`), null));
    child.on('close', (code) => finish(null, code));
    // A child that exits before reading all its input closes the pipe; that is its answer, not our failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input === undefined ? undefined : Buffer.from(options.input));
  });
}
