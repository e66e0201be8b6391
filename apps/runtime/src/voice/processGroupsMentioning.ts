import { execFileSync } from 'node:child_process';

/** Test-only: process groups (one per decoder pass) of processes whose command line mentions `text`. */
export function processGroupsMentioning(text: string): Set<number> {
  const lines = execFileSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' }).split('\n');
  return new Set(
    lines
      .filter((line) => line.includes(text) && !line.includes(' ps -eo'))
      .map((line) => Number(line.trim().split(' ')[0])),
  );
}

/** Test-only: whether any process of the group is still running. */
export function groupAlive(group: number): boolean {
  return execFileSync('ps', ['-eo', 'pgid='], { encoding: 'utf8' })
    .split('\n')
    .some((line) => Number(line.trim()) === group);
}

/** Test-only: polls `done` every 20 ms, failing after `ms`. */
export async function waitUntil(done: () => boolean, ms = 2000): Promise<void> {
  const until = performance.now() + ms;
  while (!done()) {
    if (performance.now() > until) throw new Error(`still running after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
