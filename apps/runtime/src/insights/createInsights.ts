import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { EgressConfig } from '../config/loadEgressConfig.ts';
import { createGuardedFetch } from '../security/guardedFetch.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { AlertHub } from './AlertHub.ts';
import { InsightsService } from './InsightsService.ts';
import { InsightsStore } from './InsightsStore.ts';
import { postgresRunner, sqliteRunner } from './SqlRunner.ts';

/**
 * The insights pipeline on the flow store's database: alert webhooks go out through the guarded fetch, so only
 * public destinations and the origins of `OMNIFLOW_EGRESS_ALLOW` are reached.
 */
export function createInsights(deps: {
  store: FlowStore;
  registry: NodeTypeRegistry;
  egress: EgressConfig;
  logger: Logger;
}): InsightsService {
  const allowed = new Set(deps.egress.egressAllow);
  const fetch = createGuardedFetch({ allowPrivate: (origin) => allowed.has(origin) });
  const sql =
    deps.store instanceof PostgresFlowStore
      ? postgresRunner(deps.store.pool)
      : deps.store instanceof SqliteFlowStore
        ? sqliteRunner(deps.store.database)
        : undefined;
  if (sql === undefined) throw new Error('The insights need the SQLite or PostgreSQL flow store.');
  return new InsightsService({
    store: deps.store,
    insights: new InsightsStore(sql),
    alerts: new AlertHub({ fetch, logger: deps.logger }),
    registry: deps.registry,
    logger: deps.logger,
  });
}
