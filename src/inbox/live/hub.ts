/**
 * Server-Sent Events for the inbox pages. Each web process runs one ticker, started when its first
 * client connects and stopped when its last one leaves; each tick reads shared state (PostgreSQL's
 * change marker, Redis presence) and tells this process's clients what changed, so any number of web
 * processes behave alike and none holds state that matters (the maps below only avoid repeats).
 *
 * Events (data is JSON; ids, codes, counts and staff names only, never patient data):
 *   list      { changedAt, open }                 the list may look different: refetch the rows
 *   message   { id, version, status }             a message's version or status changed
 *   presence  { messageId, people: [{ userId, name, mode }] }   who is viewing / replying now
 */
import type { Redis } from 'ioredis';
import type { Db } from '../../db';
import type { Logger } from '../../logging/logger';
import { presenceChangedSince, presenceFor } from '../presence';
import { readChangeMarker, recentlyChanged } from './changes';

export interface LiveClient {
  /** Writes one SSE event. */
  send(event: string, data: unknown): void;
  /** Writes an SSE comment (keeps proxies and the browser from timing the stream out). */
  comment(text: string): void;
}

export interface LiveHubOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  intervalMs?: number;
  heartbeatMs?: number;
}

export interface LiveHub {
  subscribe(client: LiveClient): () => void;
  clientCount(): number;
  /** Stops the timers and forgets the clients (their connections are the server's to close). */
  close(): void;
}

/** How far back each tick looks for changed messages (see recentlyChanged). */
const WINDOW_SECONDS = 10;

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const intervalMs = options.intervalMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const clients = new Set<LiveClient>();
  let ticker: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let running = false;
  let primed = false;
  let lastMarker = '';
  const announced = new Map<string, string>();
  const presenceSent = new Map<string, string>();

  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) client.send(event, data);
  };

  async function tickMessages(): Promise<void> {
    const { marker, open } = await readChangeMarker(options.db);
    const changed = await recentlyChanged(options.db, WINDOW_SECONDS);
    let anyMessage = false;
    const inWindow = new Set<string>();
    for (const m of changed) {
      inWindow.add(m.id);
      const key = `${m.version}:${m.status}`;
      if (announced.get(m.id) === key) continue;
      announced.set(m.id, key);
      if (primed) {
        anyMessage = true;
        broadcast('message', { id: m.id, version: m.version, status: m.status });
      }
    }
    for (const id of announced.keys()) if (!inWindow.has(id)) announced.delete(id);
    if (primed && (marker !== lastMarker || anyMessage)) {
      broadcast('list', { changedAt: new Date().toISOString(), open });
    }
    lastMarker = marker;
    primed = true;
  }

  async function tickPresence(): Promise<void> {
    const now = new Date();
    const active = await presenceChangedSince(options.redis, options.prefix, now.getTime(), now);
    const ids = [...new Set([...active, ...presenceSent.keys()])];
    if (ids.length === 0) return;
    const people = await presenceFor(options.redis, options.prefix, ids, now);
    for (const id of ids) {
      const list = (people.get(id) ?? []).map((p) => ({ userId: p.userId, name: p.name, mode: p.mode }));
      const signature = JSON.stringify(list);
      if ((presenceSent.get(id) ?? '[]') === signature) continue;
      broadcast('presence', { messageId: id, people: list });
      if (list.length === 0) presenceSent.delete(id);
      else presenceSent.set(id, signature);
    }
  }

  // Presence lives in Redis, the list in PostgreSQL: one down must not stop the other's events.
  // Redis being down is said once per outage, not once a second.
  let presenceDown = false;
  async function tick(): Promise<void> {
    if (running) return; // a slow tick is not stacked with the next one
    running = true;
    try {
      const [messages, presence] = await Promise.allSettled([tickMessages(), tickPresence()]);
      if (messages.status === 'rejected') {
        options.logger.warn({ errorKind: (messages.reason as Error)?.name }, 'inbox live tick failed');
      }
      if (presence.status === 'rejected' && !presenceDown) {
        options.logger.warn(
          { errorKind: (presence.reason as Error)?.name },
          'inbox live presence unavailable; list updates go on',
        );
      }
      presenceDown = presence.status === 'rejected';
    } finally {
      running = false;
    }
  }

  function start(): void {
    primed = false;
    ticker = setInterval(() => void tick(), intervalMs);
    heartbeat = setInterval(() => {
      for (const client of clients) client.comment('ping');
    }, heartbeatMs);
    ticker.unref();
    heartbeat.unref();
    void tick();
  }

  function stop(): void {
    clearInterval(ticker);
    clearInterval(heartbeat);
    ticker = heartbeat = undefined;
    announced.clear();
    presenceSent.clear();
  }

  return {
    subscribe(client) {
      clients.add(client);
      if (!ticker) start();
      return () => {
        clients.delete(client);
        if (clients.size === 0 && ticker) stop();
      };
    },
    clientCount: () => clients.size,
    close() {
      clients.clear();
      if (ticker) stop();
    },
  };
}
