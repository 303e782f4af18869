/**
 * Everything the chaos run starts is registered here, so it is stopped on every way out: a normal
 * end, a thrown error, Ctrl-C (SIGINT), SIGTERM, or the process exiting under us. Children are
 * killed by their own pid (never by name), temp dirs removed, the private PostgreSQL stopped.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type SyncCleanup = () => void;

const children = new Set<ChildProcess>();
const syncCleanups: SyncCleanup[] = [];
const tempDirs: string[] = [];
let installed = false;
let cleaned = false;

export const gone = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

export function exited(child: ChildProcess): Promise<void> {
  return gone(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns a child that is SIGKILLed at the end of the run if still alive. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  // A failed spawn (ENOENT) must not crash the run through an unhandled 'error' event.
  child.once('error', () => children.delete(child));
  return child;
}

/** SIGKILL now, and wait until it is gone. */
export async function killNow(child: ChildProcess): Promise<void> {
  if (!gone(child)) child.kill('SIGKILL');
  await exited(child);
}

/** SIGTERM, then SIGKILL after graceMs. */
export async function stopGently(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (gone(child)) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** A temp dir removed at the end of the run. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Synchronous, so it can also run in an 'exit' handler (stopping the private PostgreSQL). */
export function onCleanup(fn: SyncCleanup): void {
  syncCleanups.push(fn);
}

export function cleanupNow(): void {
  if (cleaned) return;
  cleaned = true;
  for (const child of children) {
    try {
      if (!gone(child)) child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const fn of syncCleanups.reverse()) {
    try {
      fn();
    } catch {
      // best effort: the rest must still run
    }
  }
  for (const dir of tempDirs) {
    try {
      // A server still finishing its shutdown may write a last file: retry rather than leave the dir.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (err) {
      process.stderr.write(`chaos: could not remove ${dir}: ${(err as Error).message}\n`);
    }
  }
}

/** Installs the handlers once: Ctrl-C and SIGTERM clean up and exit 130/143. */
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    process.stderr.write(`\nchaos: ${signal}, stopping every process this run started…\n`);
    cleanupNow();
    process.exit(code);
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('exit', () => cleanupNow());
}

/** Runs a command to completion (as another OS user through runuser, for PostgreSQL). */
export function runSync(command: string, args: string[], what: string): string {
  const res = spawnSync(command, args, { encoding: 'utf8' });
  if (res.status !== 0) {
    const detail = `${res.stderr ?? ''}${res.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`${what} failed (exit ${res.status ?? res.signal}): ${detail}`);
  }
  return res.stdout;
}
