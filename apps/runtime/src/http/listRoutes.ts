import type { Express } from 'express';

/** One routed endpoint of an express app, its path in OpenAPI form (`/api/flows/{id}`). */
export interface RoutedEndpoint {
  method: string;
  path: string;
}

/**
 * Every method + path an express app routes, mounted routers included, so a test can hold the app to its route table.
 * Middleware without routes and the designer's pages (`/` and the catch-all `/{*path}`) are left out.
 */
export function listRoutes(app: Express): RoutedEndpoint[] {
  const out: RoutedEndpoint[] = [];
  walk(Reflect.get(app, 'router'), '', out);
  return out;
}

function walk(router: unknown, prefix: string, out: RoutedEndpoint[]): void {
  const stack: unknown = isObject(router) ? router['stack'] : undefined;
  if (!Array.isArray(stack)) return;
  for (const layer of stack) {
    if (!isObject(layer)) continue;
    const route = layer['route'];
    if (isObject(route) && typeof route['path'] === 'string' && isObject(route['methods'])) {
      const path = openApiPath(prefix + route['path']);
      if (path.includes('*') || path === '/') continue;
      for (const [method, on] of Object.entries(route['methods'])) {
        if (on === true && method !== '_all') out.push({ method, path });
      }
      continue;
    }
    const raw = layer['rawPath'];
    walk(layer['handle'], typeof raw === 'string' && raw !== '/' ? prefix + raw : prefix, out);
  }
}

function openApiPath(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.replace(/:(\w+)/g, '{$1}');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}
