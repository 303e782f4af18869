/**
 * GET /inbox/events: the inbox's Server-Sent Events stream (see ./hub for the events). Mounted behind
 * login and messages.read like every /inbox route; the stream ends when the browser goes away.
 */
import { Router, type Request, type Response } from 'express';
import type { LiveClient, LiveHub } from './hub';

/** One SSE event: `data` is JSON on one line, so no payload can start a field of its own. */
function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveRoutes(hub: LiveHub, shutdownSignal?: AbortSignal): Router {
  const router = Router();
  shutdownSignal?.addEventListener('abort', () => hub.close(), { once: true });
  router.get('/events', (req: Request, res: Response) => {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    // nginx and similar proxies buffer responses by default, which would hold events back.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    req.socket.setNoDelay(true);
    // Browsers reconnect on their own; five seconds keeps a restart of the web process quiet.
    res.write('retry: 5000\n\n');
    const client: LiveClient = {
      send: (event, data) => void res.write(sseFrame(event, data)),
      comment: (text) => void res.write(`: ${text}\n\n`),
    };
    const unsubscribe = hub.subscribe(client);
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      unsubscribe();
      shutdownSignal?.removeEventListener('abort', hangUp);
    };
    // The browser reconnects (retry above) to whichever web process is up.
    const hangUp = () => {
      end();
      res.end();
    };
    if (shutdownSignal?.aborted) {
      hangUp();
      return;
    }
    shutdownSignal?.addEventListener('abort', hangUp, { once: true });
    req.on('close', end);
    res.on('close', end);
    res.on('error', end);
  });
  return router;
}
