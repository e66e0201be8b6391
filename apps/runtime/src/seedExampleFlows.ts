import { exampleFlows } from '@omniflow/examples';
import type { Logger } from 'pino';
import type { TokenService } from './auth/TokenService.ts';
import type { FlowCompiler } from './sessions/FlowCompiler.ts';
import type { FlowStore } from './store/FlowStore.ts';

const SEEDED = 'examples-seeded';
const CHAT_TOKENS = 'example-chat-tokens';

/**
 * Imports and publishes the example flows on the first start of a data dir (idempotent: a flow deleted later is
 * not re-created, and a flow id that already exists is left alone, even when two runtimes start together).
 */
export async function seedExampleFlows(store: FlowStore, compiler: FlowCompiler, tokens: TokenService, logger: Logger): Promise<string[]> {
  if ((await store.getSetting(SEEDED)) !== undefined) return [];
  const published: string[] = [];
  for (const example of exampleFlows) {
    const flow = example.flow;
    if (typeof flow !== 'object' || flow === null || Array.isArray(flow)) continue;
    const document: Record<string, unknown> = { ...flow };
    const id = document['id'];
    if (typeof id !== 'string') continue;
    try {
      const created = await store.createFlow(id, typeof document['name'] === 'string' ? document['name'] : id, document);
      if (!created) continue;
      const compiled = await compiler.compile(document);
      await store.publish(id, { ...compiled.flow }, 'example flow, published on first start', 'omniflow');
      published.push(id);
    } catch (error) {
      logger.warn({ flowId: id, file: example.file, err: error instanceof Error ? error.message : String(error) }, `example flow "${id}" not published`);
    }
  }
  // Channel tokens are public by design (they sit in a web page's URL), so keeping the examples' in clear lets every
  // start print links a visitor can open at once.
  const chatTokens: Record<string, string> = {};
  for (const id of published) chatTokens[id] = (await tokens.issue({ role: 'channel', flowId: id, label: 'example web chat' })).token;
  await store.setSetting(CHAT_TOKENS, JSON.stringify(chatTokens));
  await store.setSetting(SEEDED, new Date().toISOString());
  if (published.length > 0) logger.info({ flows: published }, 'example flows published');
  return published;
}

/** Web chat paths (`/chat/<flowId>?token=…`) of the example flows seeded in this data dir, for the start banner. */
export async function exampleChatPaths(store: FlowStore): Promise<string[]> {
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
    if (typeof token === 'string' && (await store.getFlow(flowId)) !== undefined) paths.push(`/chat/${encodeURIComponent(flowId)}?token=${encodeURIComponent(token)}`);
  }
  return paths;
}
