import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateFlow } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { FOREIGN_FLOWS_DIR } from '../foreignFixtures.ts';
import { runImportCli } from './runImportCli.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('omniflow import on disk', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(`${tmpdir()}/omniflow-import-`);
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes a flow that validates, creating the output folder', async () => {
    const out: string[] = [];
    const code = await runImportCli(
      [`${FOREIGN_FLOWS_DIR}/amazon-connect/callback-request.json`, '--out', `${folder}/nested/flow.json`],
      {
        stdout: (line) => out.push(line),
        stderr: (line) => out.push(line),
        readFile: (path) => readFile(path, 'utf8'),
        registry: async () => createBuiltInRegistry(),
      },
    );
    expect(code).toBe(0);
    const flow: unknown = JSON.parse(await readFile(`${folder}/nested/flow.json`, 'utf8'));
    expect(validateFlow(flow, createBuiltInRegistry().catalog()).ok).toBe(true);
    expect(out).toContainEqual(expect.stringMatching(/^\d+ unsupported, \d+ approximate, \d+ info$/));
  });

  it('runs as `omniflow import` through the omniflow CLI', async () => {
    const { stdout } = await promisify(execFile)(
      `${repoRoot}node_modules/.bin/tsx`,
      [
        `${repoRoot}apps/cli/src/main.ts`,
        'import',
        `${FOREIGN_FLOWS_DIR}/twilio-studio/patient-appointment-sms.json`,
        '--out',
        `${folder}/patient.json`,
      ],
      { cwd: repoRoot, timeout: 60_000 },
    );
    expect(stdout).toMatch(/Imported Twilio Studio flow "template patient appointment management flow": \d+ nodes/);
    expect(JSON.parse(await readFile(`${folder}/patient.json`, 'utf8'))).toMatchObject({
      id: 'patient-appointment-sms',
      start: 'start',
    });
  }, 60_000);

  it('imports a folder of exports, nested folders included, with one progress line per file (#15)', async () => {
    await mkdir(`${folder}/exports/more`, { recursive: true });
    for (const name of ['bankid-auth', 'callback-request'])
      await copyFile(`${FOREIGN_FLOWS_DIR}/amazon-connect/${name}.json`, `${folder}/exports/${name}.json`);
    await copyFile(`${FOREIGN_FLOWS_DIR}/twilio-studio/schedule-check-ivr.json`, `${folder}/exports/more/ivr.json`);
    await writeFile(`${folder}/exports/broken.json`, '{"Version": "2019-10-30", ', 'utf8');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImportCli([`${folder}/exports`, '--out-dir', `${folder}/flows`], {
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
      readFile: (path) => readFile(path, 'utf8'),
      registry: async () => createBuiltInRegistry(),
    });
    expect(code).toBe(1);
    expect(out.filter((line) => /^\[\d\/4\]/.test(line)).map((line) => line.slice(0, 5))).toEqual([
      '[1/4]',
      '[3/4]',
      '[4/4]',
    ]);
    expect(err).toEqual([expect.stringMatching(/^\[2\/4\] .*broken\.json: cannot read it as JSON/)]);
    expect((await readdir(`${folder}/flows`)).toSorted()).toEqual([
      'bankid-auth.omniflow.json',
      'callback-request.omniflow.json',
      'ivr.omniflow.json',
    ]);
  });
});
