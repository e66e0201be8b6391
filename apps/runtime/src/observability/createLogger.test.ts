import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUNTIME_DIR = fileURLToPath(new URL('../..', import.meta.url));

describe('createLogger', () => {
  it('writes buffered stdout log lines out when the process exits', () => {
    const script = `import('./src/observability/createLogger.ts').then(({ createLogger }) => {
      const logger = createLogger('info');
      for (let i = 0; i < 3; i++) logger.info({ i }, 'buffered line');
      process.exit(0);
    });`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: RUNTIME_DIR,
      encoding: 'utf8',
      timeout: 30_000,
    });
    const lines = run.stdout.split('\n').filter((l) => l.includes('buffered line'));
    expect(lines.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual([0, 1, 2]);
  }, 40_000);
});
