import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { TokenService } from './auth/TokenService.ts';
import type { FlowCompiler } from './sessions/FlowCompiler.ts';
import type { FlowStore } from './store/FlowStore.ts';

// The setting names predate seeding from a directory; kept so data dirs seeded before are not seeded again.
const SEEDED = 'examples-seeded';
const CHAT_TOKENS = 'example-chat-tokens';

/**
 * Publishes every flow document (`*.json`) of `dir` on the first start of a data dir (idempotent: a flow deleted
 * later is not re-created, and a flow id that already exists is left alone, even when two runtimes start together).
 * A file that cannot be read, parsed or compiled is logged by name and skipped.
 */
export async function seedFlows(
  dir: string,
  store: FlowStore,
  compiler: FlowCompiler,
  tokens: TokenService,
  logger: Logger,
): Promise<string[]> {
  const seed = () => seedOnce(dir, store, compiler, tokens, logger);
  // Processes starting together on one PostgreSQL seed one at a time: the first seeds, the others find it seeded and
  // keep its chat tokens (issue 22: each wrote its own, and 1 of 3 survived).
  return store.exclusive ? store.exclusive('seed-flows', seed) : seed();
}

async function seedOnce(
  dir: string,
  store: FlowStore,
  compiler: FlowCompiler,
  tokens: TokenService,
  logger: Logger,
): Promise<string[]> {
  if ((await store.getSetting(SEEDED)) !== undefined) return [];
  const files = await flowFiles(dir, logger);
  // An unreadable directory is a setting to fix, so this data dir stays unseeded until the next start.
  if (files === undefined) return [];
  const published: string[] = [];
  for (const file of files) {
    let id: string = file;
    try {
      const document = parseFlowDocument(await readFile(join(dir, file), 'utf8'));
      id = typeof document['id'] === 'string' ? document['id'] : '';
      if (id === '') throw new Error('the document has no string "id"');
      const created = await store.createFlow(
        id,
        typeof document['name'] === 'string' ? document['name'] : id,
        document,
      );
      if (!created) continue;
      const { release } = await compiler.compileForPublish(document);
      await store.publish(id, release, 'seeded flow, published on first start', 'omniflow');
      published.push(id);
    } catch (error) {
      logger.warn(
        { flowId: id, file, err: error instanceof Error ? error.message : String(error) },
        `seeded flow "${id || file}" not published`,
      );
    }
  }
  // Channel tokens are public by design (they sit in a web page's URL), so keeping the seeded flows' in clear lets
  // every start print links a visitor can open at once.
  const chatTokens: Record<string, string> = {};
  for (const id of published)
    chatTokens[id] = (await tokens.issue({ role: 'channel', flowId: id, label: 'seeded web chat' })).token;
  await store.setSetting(CHAT_TOKENS, JSON.stringify(chatTokens));
  await store.setSetting(SEEDED, new Date().toISOString());
  if (published.length > 0) logger.info({ flows: published, dir }, 'seeded flows published');
  return published;
}

/** Web chat paths (`/chat/<flowId>?token=…`) of the flows seeded in this data dir, for the start banner. */
export async function seededChatPaths(store: FlowStore): Promise<string[]> {
  const stored = await store.getSetting(CHAT_TOKENS);
  if (stored === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const paths: string[] = [];
  for (const [flowId, token] of Object.entries(parsed)) {
    if (typeof token === 'string' && (await store.getFlow(flowId)) !== undefined)
      paths.push(`/chat/${encodeURIComponent(flowId)}?token=${encodeURIComponent(token)}`);
  }
  return paths;
}

/** The flow files of `dir` in name order, or `undefined` (logged) when the directory cannot be read. */
async function flowFiles(dir: string, logger: Logger): Promise<string[] | undefined> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).toSorted();
  } catch (error) {
    logger.warn(
      { dir, err: error instanceof Error ? error.message : String(error) },
      'seed flows directory not readable; no flows seeded',
    );
    return undefined;
  }
}

function parseFlowDocument(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('the file is not a JSON object');
  return { ...parsed };
}
