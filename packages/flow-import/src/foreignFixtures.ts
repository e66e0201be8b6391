import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FlowDocument } from '@omniflow/flow-schema';
import { importFlow } from './importFlow.ts';

/** Folder of the real Amazon Connect / Twilio Studio exports the importer is tested on (`shared/fixtures/foreign-flows`). */
export const FOREIGN_FLOWS_DIR =
  process.env['OMNIFLOW_FOREIGN_FLOWS'] ??
  fileURLToPath(new URL('../../../../shared/fixtures/foreign-flows/', import.meta.url));

/** The shared fixtures folder (`shared/fixtures`), every subfolder of which the importer tests walk. */
export const SHARED_FIXTURES_DIR =
  process.env['OMNIFLOW_SHARED_FIXTURES'] ?? fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

/** Every `.json` file under the shared fixtures folder, as paths relative to it, sorted. */
export function sharedFixtureFiles(): string[] {
  return readdirSync(SHARED_FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split('\\').join('/'))
    .toSorted();
}

/** Every fixture file as `amazon-connect/x.json` / `twilio-studio/y.json`. */
export function foreignFixtureFiles(): string[] {
  return ['amazon-connect', 'twilio-studio'].flatMap((dir) =>
    readdirSync(`${FOREIGN_FLOWS_DIR}/${dir}`)
      .filter((file) => file.endsWith('.json'))
      .toSorted()
      .map((file) => `${dir}/${file}`),
  );
}

/** One fixture, parsed. */
export function readForeignFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(`${FOREIGN_FLOWS_DIR}/${relativePath}`, 'utf8'));
}

/** One fixture, imported with default options; a fixture that does not import fails the test with the file name. */
export function importedFixture(relativePath: string): FlowDocument {
  const result = importFlow(readForeignFixture(relativePath));
  if (!result.ok) throw new Error(`${relativePath}: ${result.error.message}`);
  return result.flow;
}
