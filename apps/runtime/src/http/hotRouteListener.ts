import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';

/**
 * A route answered at the node:http server without express's router walk. `handlers` is the one array of middleware
 * that express mounts for the route too ({@link mountHotRoute}): both paths run the very same function objects.
 */
export interface HotRoute {
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  /** An express path (`/api/sessions/:id/input`). */
  path: string;
  handlers: readonly RequestHandler[];
}

/**
 * Mounts a hot route on express as an ordinary route, so that a request express routes (the fast dispatch turned off,
 * a test, a second server on the same app) runs the same handler array. Mount it before the app's other middleware:
 * its array holds every middleware the route needs, in order.
 */
export function mountHotRoute(app: Express, route: HotRoute): void {
  app.route(route.path)[lowerMethod(route.method)](...route.handlers);
}

/** The part of a router layer the dispatch uses: express's own path matcher of the mounted route. */
interface RouteLayer {
  route?: { path?: unknown };
  match(path: string): false | { params: Record<string, string> };
}

/**
 * The server's request listener: a request for a hot route runs the route's handler array directly, set up as
 * express sets up a request (express's request/response prototypes, `req.res`/`res.req`, `res.locals`, the route's
 * params matched by express's own matcher); errors go to `onError`, the app's error handler. Everything else — and
 * any hot-route request whose URL express would have to decode first — goes to the app unchanged.
 */
export function hotRouteListener(app: Express, routes: HotRoute[], onError: ErrorRequestHandler): RequestListener {
  const hot = routes.map((route) => ({ route, layer: mountedLayer(app, route) }));
  return (incoming, outgoing) => {
    const method = incoming.method;
    const url = incoming.url ?? '';
    // Only origin-form URLs without a query or fragment; express handles the rest (absolute-form, queries) the usual way.
    if (url.charCodeAt(0) !== 47 /* / */ || url.includes('?') || url.includes('#')) return void app(incoming, outgoing);
    for (const { route, layer } of hot) {
      if (route.method !== method) continue;
      let match: ReturnType<RouteLayer['match']>;
      try {
        match = layer.match(url);
      } catch {
        // A malformed escape in a parameter: express answers it.
        return void app(incoming, outgoing);
      }
      if (match) return runHandlers(app, route, match.params, incoming, outgoing, onError);
    }
    app(incoming, outgoing);
  };
}

function runHandlers(
  app: Express,
  route: HotRoute,
  params: Record<string, string>,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  onError: ErrorRequestHandler,
): void {
  // What app.handle does before its router runs.
  if (app.enabled('x-powered-by')) outgoing.setHeader('X-Powered-By', 'Express');
  Object.setPrototypeOf(incoming, app.request);
  Object.setPrototypeOf(outgoing, app.response);
  // The prototypes are express's now; TypeScript cannot follow setPrototypeOf.
  const req = incoming as Request;
  const res = outgoing as Response;
  req.res = res;
  res.req = req;
  res.locals ??= Object.create(null);
  // What the router sets for a matched route mounted on the app itself.
  req.baseUrl = '';
  req.originalUrl = req.url;
  req.params = params;
  const handlers = route.handlers;
  let index = 0;
  const fail = (error: unknown): void => {
    try {
      onError(error, req, res, () => lastResort(res));
    } catch {
      lastResort(res);
    }
  };
  const next = (error?: unknown): void => {
    if (error !== undefined && error !== null && error !== 'route' && error !== 'router') return fail(error);
    const handler = error === undefined || error === null ? handlers[index++] : undefined;
    // Express would walk on to the app's other routes; a hot route's array always answers, so falling off is a bug.
    if (!handler) return fail(new Error(`The handlers of ${route.method} ${route.path} did not answer the request.`));
    try {
      const returned: unknown = handler(req, res, next);
      if (returned instanceof Promise)
        returned.then(undefined, (rejected: unknown) => next(rejected ?? new Error('Rejected promise')));
    } catch (thrown) {
      next(thrown);
    }
  };
  req.next = next;
  next();
}

/** The error handler itself failed: answer 500 without a body rather than leave the socket hanging. */
function lastResort(res: Response): void {
  if (!res.headersSent) res.statusCode = 500;
  res.end();
}

/** The router layer express made for a mounted hot route, whose matcher the dispatch reuses. */
function mountedLayer(app: Express, route: HotRoute): RouteLayer {
  const stack: unknown = Reflect.get(Reflect.get(app, 'router') ?? {}, 'stack');
  const layer = Array.isArray(stack) ? stack.find((l: RouteLayer) => l.route?.path === route.path) : undefined;
  if (!isRouteLayer(layer))
    throw new Error(`${route.method} ${route.path} is not mounted on the app; call mountHotRoute(app, route) first.`);
  return layer;
}

function isRouteLayer(value: unknown): value is RouteLayer {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'match') === 'function';
}

function lowerMethod(method: HotRoute['method']): 'post' | 'put' | 'delete' | 'get' {
  switch (method) {
    case 'POST':
      return 'post';
    case 'PUT':
      return 'put';
    case 'DELETE':
      return 'delete';
    case 'GET':
      return 'get';
  }
}
