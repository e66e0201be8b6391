import type { CliIo } from './cliCommand.ts';

/** Reads and parses a JSON file, reporting a missing file or bad JSON as one `FLOW000` line. */
export async function readJsonFile(file: string, io: CliIo): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stdout(`FLOW000 error / cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    io.stdout(`FLOW000 error / ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
}
