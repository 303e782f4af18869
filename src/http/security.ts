import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The inbox's Content-Security-Policy: everything from our own origin, no inline script or style
 * (not even a `style=` attribute), no plugins, no framing, forms post only to us. Patient text is
 * rendered escaped anyway; this is the second wall if an escape is ever missed.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Only where the inbox is served over HTTPS: over plain HTTP (development, a local compose
    // trial) upgrades would break every asset.
    upgradeInsecureRequests: https ? [] : null,
  };
}

/**
 * helmet (strict CSP above, HSTS, nosniff, frameguard, no referrer leakage) plus no caching of
 * anything we serve: pages and API answers carry patient text, and a shared or browser cache must
 * not keep a copy of it.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler[] {
  return [
    helmet({
      // HSTS only over HTTPS: over plain HTTP it would pin the host to HTTPS.
      strictTransportSecurity: options.https,
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.https) },
      referrerPolicy: { policy: 'no-referrer' },
    }),
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}

/**
 * bull-board's page carries an inline <style> block, and loads its scripts relative to a
 * `<base href="/admin/queues/">`; its mount alone gets inline styles and a same-origin base URL
 * (scripts stay 'self', so a base pointing elsewhere still could not load one). It holds job ids
 * and states only. Its Google Fonts stylesheet stays blocked: no third party learns who opens it.
 */
export function relaxedStylesForQueueBoard(https: boolean): RequestHandler {
  const policy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...contentSecurityPolicy(https),
      styleSrc: ["'self'", "'unsafe-inline'"],
      baseUri: ["'self'"],
    },
  });
  return policy;
}
