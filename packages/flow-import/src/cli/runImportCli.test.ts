import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
});
