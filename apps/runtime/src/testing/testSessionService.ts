import { randomBytes } from 'node:crypto';
import { createBuiltInRegistry } from '@omniflow/flow-engine';
import { pino } from 'pino';
import { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import { FlowCompiler } from '../sessions/FlowCompiler.ts';
import { SessionService } from '../sessions/SessionService.ts';
import { SnapshotCipher } from '../sessions/SnapshotCipher.ts';
import type { FlowStore } from '../store/FlowStore.ts';

/** A session service over `store` with the built-in node types, silent logs, no secrets and a sealing key (`key`). */
export function testSessionService(store: FlowStore, key: Buffer = randomBytes(32)): SessionService {
  return new SessionService({
    store,
    compiler: new FlowCompiler(store, createBuiltInRegistry()),
    logger: pino({ level: 'silent' }),
    metrics: new RuntimeMetrics(async () => 0, { defaultMetrics: false }),
    secrets: () => undefined,
    cipher: new SnapshotCipher(key),
  });
}
