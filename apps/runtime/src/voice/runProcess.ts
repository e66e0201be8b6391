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
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions,
): Promise<ProcessResult> {
  const started = startProcess(command, args, {
    timeoutMs: options.timeoutMs,
    lifetimeMs: options.timeoutMs,
    signal: options.signal,
  });
  if (options.input !== undefined) started.write(options.input);
  return started.end();
}

/** Options of a child process fed while it runs. */
export interface StartProcessOptions {
  /** Bound on the run after `end()`. */
  timeoutMs: number;
  /** Bound on the whole life of the process, in case `end()` never comes. */
  lifetimeMs: number;
  signal?: AbortSignal;
  /**
   * Gives the command a real pipe as stdin (through `cat`), for tools that open `/dev/stdin` by name: Node's
   * stdin for a child is a socket, which such an open refuses.
   */
  stdinAsPipe?: boolean;
}

/** A running child process whose stdin is written as data arrives. */
export interface StartedProcess {
  write(bytes: Uint8Array): void;
  /** Closes stdin; resolves with the output once the process has exited. */
  end(): Promise<ProcessResult>;
}

/**
 * Starts a command without a shell (or, with `stdinAsPipe`, behind a fixed `cat |` pipe) in its own process group;
 * on abort, timeout or lifetime end the whole group is killed and `end()` rejects, so no process outlives its call.
 */
export function startProcess(command: string, args: readonly string[], options: StartProcessOptions): StartedProcess {
  const argv = options.stdinAsPipe ? ['-c', 'cat | exec "$0" "$@"', command, ...args] : args;
  const child = options.signal?.aborted
    ? null
    : spawn(options.stdinAsPipe ? '/bin/sh' : command, argv, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let timer: NodeJS.Timeout | undefined;
  let endTimer = (): void => undefined;
  const result = new Promise<ProcessResult>((resolve, reject) => {
    if (child === null) {
      reject(new Error(`${command} not started: the call was aborted`));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        killGroup(child.pid);
        reject(error);
      } else resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code });
    };
    const onAbort = (): void => finish(new Error(`${command} aborted`), null);
    const bound = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new Error(`${command} timed out after ${ms} ms`), null), ms);
    };
    bound(options.lifetimeMs);
    endTimer = () => bound(options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      finish(new Error(`${command} could not run: ${error.message} (is the Debian package installed?)`), null),
    );
    child.on('close', (code) => finish(null, code));
    // A child that exits before reading all its input closes the pipe; that is its answer, not our failure.
    child.stdin.on('error', () => undefined);
  });
  // Whoever aborts a process may never ask for its result.
  result.catch(() => undefined);
  return {
    write(bytes) {
      if (child !== null && child.stdin.writable) child.stdin.write(bytes);
    },
    end() {
      if (child !== null && child.stdin.writable) {
        endTimer();
        child.stdin.end();
      }
      return result;
    },
  };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group has already exited, which is what we wanted.
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}
