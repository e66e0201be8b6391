import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pinFlow } from './testing/testFlows.ts';
import { startTestRuntime, type TestRuntime } from './testing/startTestRuntime.ts';

const dirs: string[] = [];
const started: TestRuntime[] = [];
afterEach(async () => {
  for (const t of started.splice(0)) await t.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function startOn(dataDir: string, seedDir: string): Promise<TestRuntime> {
  const t = await startTestRuntime({ OMNIFLOW_SEED_DIR: seedDir }, { dataDir });
  started.push(t);
  return t;
}

async function liveFlows(t: TestRuntime): Promise<[string, number | null][]> {
  const flows = (await t.api('GET', '/api/flows')).body.flows as { id: string; liveVersion: number | null }[];
  return flows.map((flow) => [flow.id, flow.liveVersion]);
}

describe('seeding flows from OMNIFLOW_SEED_DIR', () => {
  it('publishes the JSON flow files once per data dir and names a file it could not publish', async () => {
    const seedDir = tempDir('omniflow-seed-');
    writeFileSync(join(seedDir, 'first.json'), JSON.stringify(pinFlow('seeded-first')));
    writeFileSync(join(seedDir, 'broken.json'), '{ "id": ');
    writeFileSync(join(seedDir, 'notes.txt'), 'not a flow');
    const dataDir = tempDir('omniflow-seed-data-');

    const first = await startOn(dataDir, seedDir);
    expect(await liveFlows(first)).toEqual([['seeded-first', 1]]);
    expect(first.logs.some((line) => line.includes('"file":"broken.json"') && line.includes('not published'))).toBe(
      true,
    );
    expect(first.runtime.seededChatPaths.map((path) => path.split('?')[0])).toEqual(['/chat/seeded-first']);
    await first.close();

    writeFileSync(join(seedDir, 'second.json'), JSON.stringify(pinFlow('seeded-second')));
    const again = await startOn(dataDir, seedDir);
    expect(await liveFlows(again)).toEqual([['seeded-first', 1]]);
  });

  it('leaves a data dir unseeded while the directory cannot be read, and seeds it once it can', async () => {
    const dataDir = tempDir('omniflow-seed-data-');
    const missing = await startOn(dataDir, join(tempDir('omniflow-seed-'), 'no-such-dir'));
    expect(await liveFlows(missing)).toEqual([]);
    expect(missing.logs.some((line) => line.includes('seed flows directory not readable'))).toBe(true);
    await missing.close();

    const seedDir = tempDir('omniflow-seed-');
    writeFileSync(join(seedDir, 'flow.json'), JSON.stringify(pinFlow('seeded-later')));
    expect(await liveFlows(await startOn(dataDir, seedDir))).toEqual([['seeded-later', 1]]);
  });
});
