import { describe, expect, it } from 'vitest';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { readFileSync } from 'node:fs';
import { FOREIGN_FLOWS_DIR } from '../foreignFixtures.ts';
import { runImportCommand, type ImportCommandHost } from './importCommand.ts';

function memoryHost(
  files: Record<string, string>,
): ImportCommandHost & { written: Map<string, string>; stdout: string[]; stderr: string[] } {
  const written = new Map<string, string>();
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    registry: createBuiltInRegistry(),
    written,
    stdout,
    stderr,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeText: async (path, text) => {
      written.set(path, text);
    },
    listJsonFiles: async (path) => {
      const inside = Object.keys(files).filter((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));
      return inside.length > 0 ? inside : undefined;
    },
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
  };
}

describe('omniflow import', () => {
  const connect = readFileSync(`${FOREIGN_FLOWS_DIR}/amazon-connect/bankid-auth.json`, 'utf8');

  it('writes the flow beside the source, named after the file, and prints the report', async () => {
    const host = memoryHost({ 'flows/bankid-auth.json': connect });
    expect(await runImportCommand(['flows/bankid-auth.json'], host)).toBe(0);
    const flow: unknown = JSON.parse(host.written.get('flows/bankid-auth.omniflow.json') ?? 'null');
    expect(flow).toMatchObject({ id: 'bankid-auth', start: 'start' });
    expect(host.stdout.some((line) => line.startsWith('approximate 2367a288'))).toBe(true);
    expect(host.stdout.at(-1)).toMatch(/^Imported Amazon Connect flow .*→ flows\/bankid-auth\.omniflow\.json$/);
  });

  it('honours --out and --report', async () => {
    const host = memoryHost({ 'in.json': connect });
    expect(
      await runImportCommand(
        ['in.json', '--from', 'connect', '--out', 'out/flow.json', '--report', 'out/report.json'],
        host,
      ),
    ).toBe(0);
    expect([...host.written.keys()]).toEqual(['out/flow.json', 'out/report.json']);
  });

  it('exits 1 with the recognized formats when the file is neither format', async () => {
    const host = memoryHost({ 'x.json': '{"hello": "world"}' });
    expect(await runImportCommand(['x.json'], host)).toBe(1);
    expect(host.stderr.join('\n')).toMatch(/IMPORT_UNKNOWN_FORMAT.*Amazon Connect.*Twilio Studio/);
    expect(host.written.size).toBe(0);
  });

  it('exits 1 on a file that is not JSON, and 2 on bad usage', async () => {
    const host = memoryHost({ 'x.json': 'not json' });
    expect(await runImportCommand(['x.json'], host)).toBe(1);
    expect(await runImportCommand([], host)).toBe(2);
    expect(await runImportCommand(['x.json', '--from', 'genesys'], host)).toBe(2);
    expect(host.stderr.at(-1)).toMatch(/usage: omniflow import/);
  });

  describe('several files at once (#15)', () => {
    const billing = {
      Version: '2019-10-30',
      StartAction: 'hi',
      Metadata: { name: 'Billing', ActionMetadata: {} },
      Actions: [{ Identifier: 'hi', Type: 'MessageParticipant', Parameters: { Text: 'Billing.' }, Transitions: {} }],
    };
    const main = {
      Version: '2019-10-30',
      StartAction: 'go',
      Metadata: { name: 'Main', ActionMetadata: { go: { parameters: { ContactFlowId: { displayName: 'Billing' } } } } },
      Actions: [
        { Identifier: 'go', Type: 'TransferToFlow', Parameters: { ContactFlowId: 'arn:x/billing' }, Transitions: {} },
      ],
    };
    const folder = {
      'exports/main.json': JSON.stringify(main),
      'exports/notes.json': '{"not": "a flow"',
      'exports/billing.json': JSON.stringify(billing),
      'exports/billing.omniflow.json': '{}',
    };

    it('imports a folder with one line per file, names the broken file and its reason, and writes the rest', async () => {
      const host = memoryHost(folder);
      expect(await runImportCommand(['exports', '--report', 'report.json'], host)).toBe(1);
      expect(host.stdout.filter((line) => line.startsWith('['))).toEqual([
        expect.stringMatching(
          /^\[1\/3\] exports\/billing\.json → exports\/billing\.omniflow\.json: Amazon Connect flow "Billing": \d+ nodes \(0 unsupported/,
        ),
        expect.stringMatching(
          /^\[2\/3\] exports\/main\.json → exports\/main\.omniflow\.json: Amazon Connect flow "Main"/,
        ),
      ]);
      expect(host.stderr).toEqual([expect.stringMatching(/^\[3\/3\] exports\/notes\.json: cannot read it as JSON/)]);
      expect(host.stdout.slice(-2)).toEqual([
        'Imported 2 of 3 files; 1 failed (named above).',
        'Publish the called flows first, in this order: billing, main.',
      ]);
      const written: unknown = JSON.parse(host.written.get('exports/main.omniflow.json') ?? 'null');
      expect(written).toMatchObject({
        id: 'main',
        nodes: expect.arrayContaining([
          expect.objectContaining({
            id: 'go',
            type: 'subflow',
            config: expect.objectContaining({ flowId: 'billing' }),
          }),
        ]),
      });
      expect(JSON.parse(host.written.get('report.json') ?? 'null')).toMatchObject({
        failures: [{ source: 'exports/notes.json', reason: expect.stringMatching(/JSON/) }],
        publishOrder: ['billing', 'main'],
      });
    });

    it('takes files and --out-dir, and refuses --out for several files', async () => {
      const host = memoryHost(folder);
      expect(await runImportCommand(['exports/main.json', 'exports/billing.json', '--out-dir', 'out/'], host)).toBe(0);
      expect([...host.written.keys()].toSorted()).toEqual(['out/billing.omniflow.json', 'out/main.omniflow.json']);
      expect(await runImportCommand(['exports/main.json', 'exports/billing.json', '--out', 'x.json'], host)).toBe(2);
      expect(host.stderr.at(-1)).toMatch(/--out names one file, but 2 files are imported; use --out-dir/);
    });

    it('a file imported alone gets a placeholder for the flow it calls, and still compiles', async () => {
      const host = memoryHost(folder);
      expect(await runImportCommand(['exports/main.json'], host)).toBe(0);
      expect(host.stdout).toContainEqual(
        expect.stringMatching(
          /^unsupported +go: TransferToFlow "Billing": the flow "Billing" was not among the imported files/,
        ),
      );
    });
  });
});
