/**
 * What the express app really serves, read off its router stack (express 5 / router 2: every layer
 * keeps the path it was mounted at in `rawPath`). The matrix test compares this with its own table,
 * so a route added without a permission entry fails the suite.
 */
import type { Express } from 'express';

interface Layer {
  name: string;
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] } & ((...args: unknown[]) => unknown);
}

function joinPath(prefix: string, part: string): string {
  const joined = `${prefix}${part === '/' ? '' : part}`;
  return joined === '' ? '/' : joined.replace(/\/+$/, '') || '/';
}

function paths(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return ['/'];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/**
 * `METHOD /path` for each route, `STATIC /path` for a static-file mount, `MOUNT /path` for a whole
 * app mounted under a path (bull-board). Middleware without a path of its own is not a route.
 */
export function registeredRoutes(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of paths(layer.route.path)) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') found.add(`${method.toUpperCase()} ${joinPath(prefix, p)}`);
          }
        }
        continue;
      }
      for (const p of paths(layer.rawPath)) {
        const at = joinPath(prefix, p);
        if (layer.handle?.stack) walk(layer.handle.stack, at === '/' ? '' : at);
        else if (layer.name === 'serveStatic') found.add(`STATIC ${at}`);
        else if (layer.name === 'app' || layer.name === 'mounted_app') found.add(`MOUNT ${at}`);
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, '');
  return [...found].sort();
}
