import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import { authenticate, requireRole } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/TokenService.ts';
import type { RuntimeConfig } from '../config/loadConfig.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { FlowCompiler } from '../sessions/FlowCompiler.ts';
import type { SessionService } from '../sessions/SessionService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { ApiError } from './ApiError.ts';
import type { Store } from 'express-rate-limit';
import { apiRateLimit } from './apiRateLimit.ts';
import { errorReply } from './errorReply.ts';
import { flowsRouter } from './flowsRouter.ts';
import { limitJsonDepth } from './limitJsonDepth.ts';
import { localAuth } from './localAuth.ts';
import { metricsAccess } from './metricsAccess.ts';
import { openApiDocument } from './openApiDocument.ts';
import { requestLog } from './requestLog.ts';
import { securityHeaders } from './securityHeaders.ts';
import { sessionsRouter } from './sessionsRouter.ts';
import { tokensRouter } from './tokensRouter.ts';
import { channelLinksRouter } from './channelLinksRouter.ts';
import type { InsightsService } from '../insights/InsightsService.ts';
import { insightsRouter } from '../insights/insightsRouter.ts';
import { contactsRouter } from '../contacts/contactsRouter.ts';
import type { PromptAudioStore } from '../promptAudio/PromptAudioStore.ts';

/** Everything the HTTP layer talks to. */
export interface RuntimeServices {
  config: RuntimeConfig;
  store: FlowStore;
  registry: NodeTypeRegistry;
  compiler: FlowCompiler;
  sessions: SessionService;
  tokens: TokenService;
  metrics: RuntimeMetrics;
  logger: Logger;
  /** Conversation insights (issue 17): dashboards, rules, alerts; absent in apps built without them. */
  insights?: InsightsService;
  /** False once shutdown began; `/readyz` then answers 503 so load balancers drain this process. */
  isReady(): boolean;
  /** Uploaded prompt recordings (issue 20): publishing checks that the flow's are stored. */
  promptAudio?: PromptAudioStore;
  /** Where the API rate limit counts, when processes share it (PostgreSQL); default this process's memory. */
  rateLimitStore?: Store;
  /** More API routers under `/api`: `public` before the token check (the desk sign-in), `authenticated` after it. */
  apiRouters?: { public: Router; authenticated: Router }[];
}

/** Extra routers mounted before the fallbacks (chat page, Twilio), so the app stays one error format. */
export type AppExtension = (app: Express) => void;

/**
 * The runtime's one HTTP stack: every request, the chat turn included, passes the same chain — security headers,
 * request log, then for the API CORS, rate limit, JSON body, token, body schema — and errors leave through one handler.
 */
export function createApp(services: RuntimeServices, extensions: AppExtension[] = []): Express {
  const { config, store, tokens, metrics, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // No generated ETags: they only serve conditional GETs (If-None-Match → 304), which no client of this API sends,
  // yet express hashes every reply body for them, the chat turn's included, and writes headers and body as two
  // chunks. Flow drafts keep their explicit ETag (the revision, for If-Match); static files keep theirs (serve-static).
  app.set('etag', false);
  app.use(securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(requestLog(logger, metrics));

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    if (!services.isReady())
      return void res
        .status(503)
        .json({ errors: [{ code: 'SHUTTING_DOWN', message: 'This process is shutting down.', pointer: '' }] });
    await store.getSetting('ready-probe');
    res.json({ ok: true, store: store.kind });
  });
  app.get('/metrics', metricsAccess(config.metricsToken), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const corsMiddleware = cors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['ETag', 'Location'],
  });
  const limiter = apiRateLimit({
    windowMs: config.rateLimit.windowMs,
    max: config.rateLimit.max,
    logger,
    ...(services.rateLimitStore ? { store: services.rateLimitStore } : {}),
  });
  const json = express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] });
  app.use('/api', corsMiddleware, limiter, json, limitJsonDepth(config.jsonMaxDepth));
  app.get('/api/openapi.json', (_req, res) => void res.json(openApiDocument()));
  app.get('/api/auth/local', localAuth(tokens, { boundHost: config.host, enabled: config.localAuth }));
  for (const routers of services.apiRouters ?? []) app.use('/api', routers.public);
  app.use('/api', authenticate(tokens));
  app.get(
    '/api/node-types',
    requireRole('viewer'),
    (_req, res) => void res.json({ nodeTypes: services.registry.specs() }),
  );
  app.use('/api/flows', channelLinksRouter(store, tokens));
  app.use('/api/flows', flowsRouter(services));
  app.use('/api/sessions', sessionsRouter(services.sessions));
  if (services.insights) app.use('/api/insights', insightsRouter(services.insights, store));
  app.use('/api/contacts', contactsRouter(store, config.contactNumberMask));
  app.use('/api', tokensRouter(store, tokens));
  for (const routers of services.apiRouters ?? []) app.use('/api', routers.authenticated);
  app.use('/api', (req) => {
    throw new ApiError(404, {
      code: 'NO_ROUTE',
      message: `No API route ${req.method} ${req.path}; see /api/openapi.json.`,
      pointer: '',
    });
  });

  for (const extend of extensions) extend(app);

  if (existsSync(join(config.designerDir, 'index.html'))) {
    app.use(express.static(config.designerDir, { index: 'index.html' }));
    app.get('/{*path}', (_req, res) => res.sendFile(join(config.designerDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send(
          'Omniflow runtime. API: /api/openapi.json. The designer is not built (pnpm --filter @omniflow/designer build).\n',
        );
    });
  }

  app.use(errorHandler(logger, metrics));
  return app;
}

function errorHandler(logger: Logger, metrics: RuntimeMetrics): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return void res.end();
    const reply = errorReply(error, logger, metrics, req);
    // A refusal that says when to come back (session caps) says it the HTTP way too.
    if (typeof reply.body['retryAfterSeconds'] === 'number')
      res.setHeader('Retry-After', String(reply.body['retryAfterSeconds']));
    res.status(reply.status).json(reply.body);
  };
}
