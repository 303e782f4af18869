/**
 * GET /inbox/events: the inbox's Server-Sent Events stream (see ./hub for the events). Mounted behind
 * login and messages.read like every /inbox route; the stream ends when the browser goes away, or
 * when its session ends (./stream-guard), and a session holds only so many at once.
 */
import { Router, type Request, type Response } from 'express';
import { hashSessionId } from '../../auth/session-store';
import { HttpError } from '../../http/errors';
import type { LiveClient, LiveHub } from './hub';
import type { StreamGuard } from './stream-guard';

/** One SSE event: `data` is JSON on one line, so no payload can start a field of its own. */
function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveRoutes(hub: LiveHub, guard: StreamGuard, shutdownSignal?: AbortSignal): Router {
  const router = Router();
  shutdownSignal?.addEventListener(
    'abort',
    () => {
      hub.close();
      guard.close();
    },
    { once: true },
  );
  router.get('/events', async (req: Request, res: Response) => {
    // Pages take a browser session only (/inbox's guard), so there is always one to watch.
    let hangUpNow = () => undefined as void;
    const release = await guard.admit(hashSessionId(req.sessionID), () => hangUpNow());
    if (!release) {
      throw new HttpError(
        429,
        'too_many_streams',
        'this session has too many live streams open; close a tab',
      );
    }
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
      release();
      shutdownSignal?.removeEventListener('abort', hangUp);
    };
    // The browser reconnects (retry above) to whichever web process is up; after a logout, an expiry
    // or a disable it finds no session there and stops.
    const hangUp = () => {
      end();
      res.end();
    };
    hangUpNow = hangUp;
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
