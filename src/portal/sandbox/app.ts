import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { SandboxContext } from './context';
import { createFaultState, type FaultSettingsInput, type FaultState } from './faults';
import { FhirServerError, operationOutcome } from './outcome';
import { sandboxRoutes } from './routes';
import { createSmartState, type SmartOptions } from './smart';
import { createFhirStore, type FhirStore } from './store';
import { createSubscriptionState } from './subscriptions';

export interface SandboxAppOptions {
  /** Pass one in to seed it or inspect it from a test; a fresh empty store otherwise. */
  store?: FhirStore;
  /** Initial fault switches, or a FaultState the caller keeps to flip them directly. */
  faults?: FaultSettingsInput | FaultState;
  /** When set, /oauth2/token issues tokens and every FHIR route requires one. */
  smart?: SmartOptions;
  publicBaseUrl?: string;
  /** The /_admin test controls; on unless turned off. */
  admin?: boolean;
  now?: () => number;
}

function isFaultState(value: SandboxAppOptions['faults']): value is FaultState {
  return !!value && typeof value === 'object' && 'settings' in value;
}

/** Behind a proxy the token URL clients sign for follows the public base URL, not the Host header. */
function smartWithTokenUrl(options: SandboxAppOptions): SmartOptions {
  const smart = options.smart as SmartOptions;
  if (smart.tokenUrl || !options.publicBaseUrl) return smart;
  return {
    ...smart,
    tokenUrl: `${options.publicBaseUrl.replace(/\/+$/, '').replace(/\/fhir\/R4$/, '')}/oauth2/token`,
  };
}

/** The FHIR answer for any error; never a stack trace or internal detail. */
function fhirErrorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const e = err as { status?: number; type?: string };
  let status = 500;
  let body = operationOutcome('exception', 'internal server error');
  if (err instanceof FhirServerError) {
    status = err.status;
    res.set(err.headers);
    body = operationOutcome(err.code, err.diagnostics);
  } else if (e?.type === 'entity.parse.failed') {
    status = 400;
    body = operationOutcome('structure', 'request body is not valid JSON');
  } else if (e?.type === 'entity.too.large') {
    status = 413;
    body = operationOutcome('too-costly', 'request body is too large');
  } else if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    status = 415;
    body = operationOutcome('not-supported', 'unsupported request encoding');
  } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    status = e.status;
    body = operationOutcome('invalid', 'invalid request');
  }
  if (res.headersSent) return;
  res.status(status).type('application/fhir+json').json(body);
}

export function createSandboxApp(options: SandboxAppOptions = {}): Express {
  const ctx: SandboxContext = {
    store: options.store ?? createFhirStore({ now: options.now }),
    faults: isFaultState(options.faults) ? options.faults : createFaultState(options.faults),
    smart: options.smart ? createSmartState(smartWithTokenUrl(options), options.now) : undefined,
    publicBaseUrl: options.publicBaseUrl?.replace(/\/+$/, ''),
    adminEnabled: options.admin ?? true,
    subscriptions: createSubscriptionState(),
  };
  const app = express();
  app.disable('x-powered-by');
  app.locals.sandbox = ctx;
  app.use(sandboxRoutes(ctx));
  app.use((_req: Request, _res: Response) => {
    throw new FhirServerError(404, 'not-found', 'no such endpoint');
  });
  app.use(fhirErrorHandler);
  return app;
}

export interface RunningSandbox {
  server: Server;
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  /** origin + /fhir/R4 */
  fhirBaseUrl: string;
  tokenUrl: string;
  context: SandboxContext;
  close: () => Promise<void>;
}

/** Listens on host:port (0 = any free port); close() also drops hung connections. */
export async function startSandboxServer(
  options: SandboxAppOptions & { port?: number; host?: string } = {},
): Promise<RunningSandbox> {
  const app = createSandboxApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    server,
    origin,
    fhirBaseUrl: `${origin}/fhir/R4`,
    tokenUrl: `${origin}/oauth2/token`,
    context: app.locals.sandbox as SandboxContext,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
