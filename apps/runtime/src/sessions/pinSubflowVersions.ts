import type { Logger } from 'pino';
import type { FlowStore } from '../store/FlowStore.ts';
import type { FlowCompiler } from './FlowCompiler.ts';

/**
 * The data half of the migration that added `versions.subflows` (issue 22): pins every version published before it to
 * the subflow versions live now — the ones it was already running — so republishing a child from now on never
 * changes it. Safe when processes start together: a version already pinned is left alone. Answers how many it pinned.
 */
export async function pinSubflowVersions(store: FlowStore, compiler: FlowCompiler, logger: Logger): Promise<number> {
  let pinned = 0;
  for (const flow of await store.listFlows()) {
    for (const summary of await store.listVersions(flow.id)) {
      if (summary.subflows !== null) continue;
      const version = await store.getVersion(flow.id, summary.version);
      if (!version) continue;
      let subflows = {};
      try {
        ({ subflows } = (await compiler.compileForPublish(version.document)).release);
      } catch (error) {
        // A version that no longer compiles cannot run a session either; pin nothing and say which.
        logger.warn({ flowId: flow.id, version: summary.version, err: String(error) }, 'version not compilable');
      }
      await store.pinSubflows(flow.id, summary.version, subflows);
      pinned += 1;
    }
  }
  if (pinned > 0) logger.info({ versions: pinned }, 'pinned the subflow versions of earlier published versions');
  return pinned;
}
