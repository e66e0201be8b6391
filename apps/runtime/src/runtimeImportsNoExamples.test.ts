import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runtimeDir = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE_PACKAGES = ['@omniflow/examples', '@omniflow/core-banking'];
// A module specifier naming an example package, or reaching the examples folder by relative path.
const EXAMPLE_IMPORT =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:@omniflow\/(?:examples|core-banking)|(?:\.\.\/)+examples\/)/;

/** Production sources: everything under src/ except tests and the test helpers in src/testing/. */
function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : productionSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the runtime and the examples (issue 13)', () => {
  it('depends on no example or sample-bank package outside its devDependencies', () => {
    const manifest: { dependencies?: Record<string, string> } = JSON.parse(
      readFileSync(join(runtimeDir, 'package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => EXAMPLE_PACKAGES.includes(name))).toEqual([]);
  });

  it('imports no example or sample-bank code from a production source file', () => {
    const sources = productionSources(join(runtimeDir, 'src'));
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources
      .filter((file) => EXAMPLE_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(runtimeDir, file));
    expect(offenders).toEqual([]);
  });
});
