/**
 * Who is looking at or answering a message right now, kept in Redis so every web process sees the
 * same people. One hash per message (`<prefix>:presence:<messageId>`, field = user id) holding the
 * staff name, the mode and when the entry expires; pages refresh their entry as a heartbeat, and an
 * entry nobody refreshes disappears on its own. Ids and staff names only: never patient data.
 *
 * A sorted set (`<prefix>:presence:index`, member = message id, score = the latest expiry) lets the
 * live-update ticker find messages whose presence changed, including by expiry, without scanning keys.
 */
import type { Redis } from 'ioredis';
import { isRedisUnavailableError } from '../queue';

export type PresenceMode = 'viewing' | 'replying';

export interface PresenceEntry {
  userId: string;
  name: string;
  mode: PresenceMode;
  /** ISO time of the person's last heartbeat. */
  at: string;
}

interface StoredEntry {
  name: string;
  mode: PresenceMode;
  at: number;
  exp: number;
}

const DEFAULT_TTL_MS = 30_000;
/** How long the index remembers a message after its last entry expired (the ticker must see it go). */
const INDEX_GRACE_MS = 120_000;

export const presenceKey = (prefix: string, messageId: string) => `${prefix}:presence:${messageId}`;
export const presenceIndexKey = (prefix: string) => `${prefix}:presence:index`;

// HSET the entry, then extend (never shorten) the hash's own expiry, so another person's longer
// heartbeat is not cut short; the index keeps the latest expiry of the message. Atomic as a script.
const MARK_SCRIPT = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local ttl = tonumber(ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
local exp = tonumber(ARGV[4])
local old = redis.call('ZSCORE', KEYS[2], ARGV[5])
if (not old) or tonumber(old) < exp then redis.call('ZADD', KEYS[2], exp, ARGV[5]) end
return 1`;

function parseEntry(raw: string): StoredEntry | undefined {
  try {
    const v = JSON.parse(raw) as Partial<StoredEntry>;
    if (typeof v.name !== 'string' || typeof v.at !== 'number' || typeof v.exp !== 'number') return undefined;
    if (v.mode !== 'viewing' && v.mode !== 'replying') return undefined;
    return v as StoredEntry;
  } catch {
    return undefined;
  }
}

/** Records (or refreshes) that a person is viewing or replying to a message, for `ttlMs`. */
export async function markPresence(
  redis: Redis,
  prefix: string,
  messageId: string,
  person: { userId: string; name: string; mode: PresenceMode },
  ttlMs = DEFAULT_TTL_MS,
  now: Date = new Date(),
): Promise<void> {
  const at = now.getTime();
  const entry: StoredEntry = { name: person.name, mode: person.mode, at, exp: at + ttlMs };
  await redis.eval(
    MARK_SCRIPT,
    2,
    presenceKey(prefix, messageId),
    presenceIndexKey(prefix),
    person.userId,
    JSON.stringify(entry),
    String(ttlMs),
    String(entry.exp),
    messageId,
  );
}

/** The person left the message (page closed, navigated away). */
export async function clearPresence(
  redis: Redis,
  prefix: string,
  messageId: string,
  userId: string,
): Promise<void> {
  await redis
    .multi()
    .hdel(presenceKey(prefix, messageId), userId)
    // A change the ticker must notice: bump the index score to "now" so it re-reads this message.
    .zadd(presenceIndexKey(prefix), 'GT', Date.now(), messageId)
    .exec();
}

/** Replying before viewing, then the longest present first: the order a collision warning reads best. */
function byModeThenTime(a: PresenceEntry, b: PresenceEntry): number {
  if (a.mode !== b.mode) return a.mode === 'replying' ? -1 : 1;
  return a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId);
}

/**
 * The people present on each message (every requested id is a key; an empty array when nobody is).
 * Expired entries are dropped here (and deleted), whatever Redis's own key expiry has done yet.
 */
export async function presenceFor(
  redis: Redis,
  prefix: string,
  messageIds: string[],
  now: Date = new Date(),
): Promise<Map<string, PresenceEntry[]>> {
  const result = new Map<string, PresenceEntry[]>();
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return result;
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hgetall(presenceKey(prefix, id));
  const replies = (await pipeline.exec()) ?? [];
  // A pipeline resolves even when Redis never answered, with the error per command: that is no
  // presence known, not "nobody is here", so callers learn it the way a single command tells them.
  const unreachable = replies.find(([err]) => isRedisUnavailableError(err));
  if (unreachable) throw unreachable[0];
  const stale = redis.pipeline();
  let staleCount = 0;
  ids.forEach((id, i) => {
    const [err, hash] = replies[i] ?? [null, {}];
    const people: PresenceEntry[] = [];
    for (const [userId, raw] of Object.entries(err ? {} : (hash as Record<string, string>))) {
      const entry = parseEntry(raw);
      if (!entry || entry.exp <= now.getTime()) {
        stale.hdel(presenceKey(prefix, id), userId);
        staleCount += 1;
        continue;
      }
      people.push({ userId, name: entry.name, mode: entry.mode, at: new Date(entry.at).toISOString() });
    }
    result.set(id, people.sort(byModeThenTime));
  });
  if (staleCount > 0) await stale.exec();
  return result;
}

/**
 * Messages whose presence may have changed since `sinceMs` (a heartbeat, a departure, an expiry),
 * for the live-update ticker. Also forgets messages whose last entry expired long ago.
 */
export async function presenceChangedSince(
  redis: Redis,
  prefix: string,
  sinceMs: number,
  now: Date = new Date(),
): Promise<string[]> {
  const index = presenceIndexKey(prefix);
  await redis.zremrangebyscore(index, '-inf', `(${now.getTime() - INDEX_GRACE_MS}`);
  // Anything not yet expired, or expired since the last look: both can differ from what was sent.
  return redis.zrangebyscore(index, String(Math.min(sinceMs, now.getTime())), '+inf');
}
