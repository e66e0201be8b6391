import { exampleFlows } from '@omniflow/examples';
import type { Logger } from 'pino';
import type { FlowCompiler } from './sessions/FlowCompiler.ts';
import type { FlowStore } from './store/FlowStore.ts';

const SEEDED = 'examples-seeded';

/**
 * Imports and publishes the example flows on the first start of a data dir (idempotent: a flow deleted later is
 * not re-created, and a flow id that already exists is left alone, even when two runtimes start together).
 */
export async function seedExampleFlows(store: FlowStore, compiler: FlowCompiler, logger: Logger): Promise<string[]> {
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
  await store.setSetting(SEEDED, new Date().toISOString());
  if (published.length > 0) logger.info({ flows: published }, 'example flows published');
  return published;
}
