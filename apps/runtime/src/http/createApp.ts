import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
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
import { ApiError } from './ApiError.ts';
import { createClientLimiter, rateLimitMiddleware } from './clientRateLimit.ts';
import { errorReply } from './errorReply.ts';
import { flowsRouter } from './flowsRouter.ts';
import { limitJsonDepth } from './limitJsonDepth.ts';
import { localAuth } from './localAuth.ts';
import { logRequest } from './logRequest.ts';
import { metricsAccess } from './metricsAccess.ts';
import { openApiDocument } from './openApiDocument.ts';
import { securityHeaders, securityHeaderSetter } from './securityHeaders.ts';
import { sessionInputHandler, sessionsRouter } from './sessionsRouter.ts';
import { parseByteLimit, turnFastPath, type TurnGuards } from './turnFastPath.ts';
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

// The helmet options of every response, on the express routes and on the chat turn's fast path alike.
const SECURITY_HEADERS = { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false } as const;

/** Extra routers mounted before the fallbacks (chat page, Twilio), so the app stays one error format. */
export type AppExtension = (app: Express) => void;

/**
 * The runtime's HTTP request listener: the chat turn on its own fast path ({@link turnFastPath}), every other request
 * through the express app of {@link createApp}; both share one rate limiter, CORS policy and set of security headers.
 */
export function createRequestListener(services: RuntimeServices, extensions: AppExtension[] = []): RequestListener {
  const guards = turnGuards(services.config);
  const app = buildApp(services, extensions, guards);
  return turnFastPath(services, guards, app);
}

/** Builds the express app: security middleware, the JSON API, health, metrics and the designer's static files. */
export function createApp(services: RuntimeServices, extensions: AppExtension[] = []): Express {
  return buildApp(services, extensions, turnGuards(services.config));
}

function turnGuards(config: RuntimeConfig): TurnGuards {
  return {
    setSecurityHeaders: securityHeaderSetter(SECURITY_HEADERS),
    cors: cors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, exposedHeaders: ['ETag', 'Location'] }),
    limit: createClientLimiter({ windowMs: config.rateLimit.windowMs, max: config.rateLimit.max }),
    bodyLimitBytes: parseByteLimit(config.bodyLimit),
  };
}

function buildApp(services: RuntimeServices, extensions: AppExtension[], guards: TurnGuards): Express {
  const { config, store, tokens, metrics, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(SECURITY_HEADERS));
  app.use(requestLog(logger, metrics));

  const limiter = rateLimitMiddleware(guards.limit);
  const corsMiddleware: RequestHandler = (req, res, next) => guards.cors(req, res, next);
  const json = express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] });
  const auth = authenticate(tokens);

  // The chat turn with the same middleware in the same order as every other API route (CORS, rate limit, JSON body,
  // token); mounted first so that it does not walk the router past every other route. Most turns never get here:
  // the request listener answers them on its fast path; this route answers the ones it hands over.
  app.post('/api/sessions/:id/input', corsMiddleware, limiter, json, auth, sessionInputHandler(services.sessions));

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    if (!services.isReady()) return void res.status(503).json({ errors: [{ code: 'SHUTTING_DOWN', message: 'This process is shutting down.', pointer: '' }] });
    await store.getSetting('ready-probe');
    res.json({ ok: true, store: store.kind });
  });
  app.get('/metrics', metricsAccess(config.metricsToken), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use('/api', corsMiddleware, limiter, json, limitJsonDepth(config.jsonMaxDepth));
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
    res.on('finish', () => logRequest(logger, metrics, { method: req.method, path: req.path, status: res.statusCode, started }));
    next();
  };
}

function errorHandler(logger: Logger, metrics: RuntimeMetrics): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return void res.end();
    const reply = errorReply(error, logger, metrics, req);
    // A refusal that says when to come back (session caps) says it the HTTP way too.
    if (typeof reply.body['retryAfterSeconds'] === 'number') res.setHeader('Retry-After', String(reply.body['retryAfterSeconds']));
    res.status(reply.status).json(reply.body);
  };
}
