import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response, type Router } from 'express';
import type { TranscriptRedactor } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { TokenService } from '../auth/TokenService.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { SessionService } from '../sessions/SessionService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { AgentStore } from './AgentStore.ts';
import { attachDeskSocket } from './attachDeskSocket.ts';
import { ContactCenter } from './ContactCenter.ts';
import { LocalCenterEvents, type ContactCenterEvents } from './ContactCenterEvents.ts';
import { ContactCenterMetrics } from './ContactCenterMetrics.ts';
import { contactCenterRouter } from './contactCenterRouter.ts';
import { LiveChat } from './LiveChat.ts';
import { seedContactCenter } from './seedContactCenter.ts';

const DEFAULT_DESK_DIR = fileURLToPath(new URL('../../../desk/dist', import.meta.url));

/** The contact center wired into a runtime: its API router, the desk pages, the sockets, and how to stop it. */
export interface RunningContactCenter {
  center: ContactCenter;
  liveChat: LiveChat;
  /** The live-event bus the center, the desk and the chat share (other parts publish to supervisors through it). */
  events: ContactCenterEvents;
  /** Mounted under `/api`: the sign-in before the token check, the rest after it. */
  api: { public: Router; authenticated: Router };
  /** Serves the built desk at `/desk`. */
  deskPages: (app: Express) => void;
  attach(server: Server): { close(): void };
  close(): Promise<void>;
}

/**
 * Opens the contact center beside the flow store (issue 16): queues, agents, routing, live chat and the desk. With
 * `seedDemo`, an empty center gets the example queue and agents documented in the README.
 */
export async function startContactCenter(deps: {
  store: FlowStore;
  tokens: TokenService;
  sessions: SessionService;
  logger: Logger;
  metrics: RuntimeMetrics;
  redact: TranscriptRedactor | undefined;
  seedDemo: boolean;
  deskDir?: string;
  events?: ContactCenterEvents;
}): Promise<RunningContactCenter> {
  const agentStore = AgentStore.beside(deps.store);
  if (deps.seedDemo) await seedContactCenter(agentStore, deps.logger);
  const events = deps.events ?? new LocalCenterEvents();
  const center = await ContactCenter.open({
    store: agentStore,
    flows: deps.store,
    events,
    logger: deps.logger,
    ...(deps.redact ? { redact: deps.redact } : {}),
    metrics: new ContactCenterMetrics(deps.metrics.registry),
    // One process owns a SQLite file; on PostgreSQL other processes may be routing (no leader election yet).
    takeUp: deps.store instanceof SqliteFlowStore,
  });
  const liveChat = new LiveChat({ center, events, sessions: deps.sessions, logger: deps.logger });
  const deskDir = deps.deskDir ?? DEFAULT_DESK_DIR;
  return {
    center,
    liveChat,
    events,
    api: contactCenterRouter({ center, tokens: deps.tokens, flows: deps.store }),
    deskPages(app) {
      const built = existsSync(`${deskDir}/index.html`);
      if (built) app.use('/desk', express.static(deskDir, { index: false }));
      const page = (_req: Request, res: Response): void => {
        if (built) return res.sendFile(`${deskDir}/index.html`);
        res.type('text/plain').send('The agent desk is not built (pnpm --filter @omniflow/desk build).\n');
      };
      app.get('/desk', page);
      app.get('/desk/{*path}', page);
    },
    attach(server) {
      return attachDeskSocket(server, { center, events, tokens: deps.tokens, logger: deps.logger });
    },
    async close() {
      liveChat.close();
      center.close();
    },
  };
}
