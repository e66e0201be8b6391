import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What a module pulls in: every file reached through relative imports, and every package it names. */
export interface ImportGraph {
  files: Set<string>;
  packages: Set<string>;
}

/**
 * Follows the static `import … from` and `export … from` lines (not the type-only ones, which leave no code) of a module and of every file it imports
 * relatively, so a test can prove an entry point (node specs) reaches no runtime or server code.
 */
export function importGraph(path: string, graph: ImportGraph = { files: new Set(), packages: new Set() }): ImportGraph {
  if (graph.files.has(path)) return graph;
  graph.files.add(path);
  for (const [, specifier] of readFileSync(path, 'utf8').matchAll(
    /^(?:import|export)(?! type )[^'"]*from '([^']+)'/gm,
  )) {
    if (specifier === undefined) continue;
    if (specifier.startsWith('.')) importGraph(resolve(dirname(path), specifier), graph);
    else graph.packages.add(specifier);
  }
  return graph;
}
