import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's defaults (CSP with 'self' scripts, HSTS, nosniff, frameguard, no referrer leakage) plus
 * no caching of anything we serve: API answers carry patient text, and a shared or browser cache
 * must not keep a copy of it.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler[] {
  return [
    helmet({
      // HSTS over plain-HTTP development would pin localhost to HTTPS in the developer's browser.
      strictTransportSecurity: options.production,
      referrerPolicy: { policy: 'no-referrer' },
    }),
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
