import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's defaults (CSP with 'self' scripts, HSTS, nosniff, frameguard, no referrer leakage) plus
 * no caching of anything we serve: API answers carry patient text, and a shared or browser cache
 * must not keep a copy of it.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  return [
    helmet({
      // Both only where the inbox is served over HTTPS (APP_BASE_URL): over plain HTTP (development,
      // a local compose trial) HSTS would pin the host to HTTPS and upgrades would break every asset.
      strictTransportSecurity: options.https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: options.https ? [] : null } },
      referrerPolicy: { policy: 'no-referrer' },
    }),
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
