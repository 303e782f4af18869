import { join } from 'node:path';
import express, { type RequestHandler } from 'express';

/**
 * Serves a feature's static files (stylesheets, the few page scripts) from the folder next to its
 * code. They hold no patient data, so unlike pages they may be cached briefly. The Dockerfile copies
 * every src/<feature>/assets folder beside the compiled code.
 */
export function staticAssets(featureDir: string): RequestHandler {
  return express.static(join(featureDir, 'assets'), {
    index: false,
    dotfiles: 'ignore',
    fallthrough: true,
    maxAge: '5m',
    setHeaders: (res) => res.setHeader('Cache-Control', 'private, max-age=300'),
  });
}
