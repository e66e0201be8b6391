import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import { authenticate, requireRole } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/TokenService.ts';
import type { RuntimeConfig } from '../config/loadConfig.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { FlowCompiler } from '../sessions/FlowCompiler.ts';
import type { SessionService } from '../sessions/SessionService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { ApiError, errorBody } from './ApiError.ts';
import { clientRateLimit } from './clientRateLimit.ts';
import { flowsRouter } from './flowsRouter.ts';
import { localAuth } from './localAuth.ts';
import { openApiDocument } from './openApiDocument.ts';
import { securityHeaders } from './securityHeaders.ts';
import { sessionInputHandlers, sessionsRouter } from './sessionsRouter.ts';
import { tokensRouter } from './tokensRouter.ts';

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
  /** False once shutdown began; `/readyz` then answers 503 so load balancers drain this process. */
  isReady(): boolean;
}

/** Extra routers mounted before the fallbacks (chat page, Twilio), so the app stays one error format. */
export type AppExtension = (app: Express) => void;

/** Builds the express app: security middleware, the JSON API, health, metrics and the designer's static files. */
export function createApp(services: RuntimeServices, extensions: AppExtension[] = []): Express {
  const { config, store, tokens, metrics, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(requestLog(logger, metrics));

  const limiter = clientRateLimit({ windowMs: config.rateLimit.windowMs, max: config.rateLimit.max });
  const corsMiddleware = cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, exposedHeaders: ['ETag', 'Location'] });
  const json = express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] });
  const auth = authenticate(tokens);

  // The chat turn first, with the same middleware in the same order as every other API route (CORS, rate limit,
  // JSON body, token), so it does not walk the router past every other route on each turn.
  app.post('/api/sessions/:id/input', corsMiddleware, limiter, json, auth, ...sessionInputHandlers(services.sessions));

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    if (!services.isReady()) return void res.status(503).json({ errors: [{ code: 'SHUTTING_DOWN', message: 'This process is shutting down.', pointer: '' }] });
    await store.getSetting('ready-probe');
    res.json({ ok: true, store: store.kind });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use('/api', corsMiddleware, limiter, json);
  app.get('/api/openapi.json', (_req, res) => void res.json(openApiDocument()));
  app.get('/api/auth/local', localAuth(tokens, { boundHost: config.host, enabled: config.localAuth }));
  app.use('/api', auth);
  app.get('/api/node-types', requireRole('viewer'), (_req, res) => void res.json({ nodeTypes: services.registry.specs() }));
  app.use('/api/flows', flowsRouter(services));
  app.use('/api/sessions', sessionsRouter(services.sessions));
  app.use('/api', tokensRouter(store, tokens));
  app.use('/api', (req) => {
    throw new ApiError(404, { code: 'NO_ROUTE', message: `No API route ${req.method} ${req.path}; see /api/openapi.json.`, pointer: '' });
  });

  for (const extend of extensions) extend(app);

  if (existsSync(join(config.designerDir, 'index.html'))) {
    app.use(express.static(config.designerDir, { index: 'index.html' }));
    app.get('/{*path}', (_req, res) => res.sendFile(join(config.designerDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Omniflow runtime. API: /api/openapi.json. The designer is not built (pnpm --filter @omniflow/designer build).\n');
    });
  }

  app.use(errorHandler(logger, metrics));
  return app;
}

function requestLog(logger: Logger, metrics: RuntimeMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      if (res.statusCode >= 500) metrics.errors.inc({ kind: 'http_5xx' });
      // Debug is off in production: skip building the line (the turn itself logs one info line).
      if (!logger.isLevelEnabled('debug')) return;
      // The path only: query strings can carry channel tokens.
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
    });
    next();
  };
}

function errorHandler(logger: Logger, metrics: RuntimeMetrics): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return void res.end();
    if (error instanceof ApiError) return void res.status(error.status).json(errorBody(error));
    const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
    if (type === 'entity.parse.failed') {
      return void res.status(400).json({ errors: [{ code: 'MALFORMED_JSON', message: `The body is not valid JSON: ${error instanceof Error ? error.message : ''}`.trim(), pointer: '' }] });
    }
    if (type === 'entity.too.large') {
      return void res.status(413).json({ errors: [{ code: 'BODY_TOO_LARGE', message: 'The body is larger than the configured limit (OMNIFLOW_BODY_LIMIT).', pointer: '' }] });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return void res.status(415).json({ errors: [{ code: 'UNSUPPORTED_ENCODING', message: 'Send JSON as UTF-8.', pointer: '' }] });
    }
    metrics.errors.inc({ kind: 'unhandled' });
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ errors: [{ code: 'INTERNAL', message: 'The runtime failed on this request; the error is logged. Other sessions are unaffected.', pointer: '' }] });
  };
}
