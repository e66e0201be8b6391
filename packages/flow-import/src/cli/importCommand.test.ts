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
    catalog: createBuiltInRegistry().catalog(),
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
});
