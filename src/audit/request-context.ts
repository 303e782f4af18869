/**
 * The client address of the request being served, for the audit events it records. Set once per
 * request by the web's request-context middleware and read by recordEvent, so no use case has to
 * thread an address through its arguments. AsyncLocalStorage follows the request through awaits and
 * the body parsers (raw-body binds its callbacks); work outside a request (the worker) has none.
 * One storage per process is the mechanism itself, not shared state: each request sees only its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface AuditRequestContext {
  clientAddress?: string;
}

const storage = new AsyncLocalStorage<AuditRequestContext>();

export function runWithAuditContext<T>(context: AuditRequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentClientAddress(): string | undefined {
  return storage.getStore()?.clientAddress;
}
