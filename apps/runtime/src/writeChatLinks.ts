import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the seeded flows' web chat links (with their channel tokens) to `DATA_DIR/chat-links` (0600) and answers
 * the file's path, or `undefined` when there are none; the start banner names the file instead of printing tokens.
 */
export function writeChatLinks(dataDir: string, baseUrl: string, paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const file = join(dataDir, 'chat-links');
  writeFileSync(file, `${paths.map((path) => `${baseUrl}${path}`).join('\n')}\n`, { mode: 0o600 });
  return file;
}
