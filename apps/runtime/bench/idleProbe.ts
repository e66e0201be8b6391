import { spawn } from 'node:child_process';

/** How late an idle process's timers fired since the last reset: the machine's own scheduling delay. */
export interface ProbeReading {
  p99: number;
  max: number;
}

/** A running idle probe (see {@link startIdleProbe}). */
export interface IdleProbe {
  reset(): void;
  read(): Promise<ProbeReading>;
  stop(): void;
}

/**
 * Starts a process that does nothing but measure how late its own 5 ms timers fire: the machine's scheduling delay,
 * which no code change in the runtime can remove. A latency percentile cannot be judged below the probe's own.
 */
export function startIdleProbe(): IdleProbe {
  const probe = spawn(
    process.execPath,
    [
      '-e',
      `
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  process.stdin.on('data', (d) => {
    if (String(d).startsWith('reset')) return h.reset();
    process.stdout.write(JSON.stringify({ p99: h.percentile(99) / 1e6, max: h.max / 1e6 }) + '\\n');
  });
`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return {
    reset: () => void probe.stdin?.write('reset\n'),
    read: () =>
      new Promise((resolve) => {
        probe.stdout?.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
        probe.stdin?.write('read\n');
      }),
    stop: () => void probe.kill('SIGTERM'),
  };
}
