import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beginShutdown, createApp, type AppDeps } from './app';

export interface RunningWeb {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then drops what is left. */
  close: (graceMs?: number) => Promise<void>;
}

/** createApp + listen, for src/main.ts and the demo. Port 0 picks a free port. */
export async function startWebServer(deps: AppDeps, port: number, host?: string): Promise<RunningWeb> {
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const done = (err?: Error) => (err ? reject(err) : resolve(s));
    // Without a host Node listens on every interface, IPv6 and IPv4 alike where the machine has both.
    const s = host ? app.listen(port, host, done) : app.listen(port, done);
  });
  // Slow-loris protection and keep-alive shorter than typical load balancers' idle timeouts.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        beginShutdown(app);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
