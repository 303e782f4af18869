/**
 * A throwaway certificate authority and server certificates, made with the openssl command line for
 * TLS tests (PostgreSQL with sslmode=verify-full, Redis over rediss://). Nothing here is trusted
 * outside the test that made it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPki {
  dir: string;
  caCert: string;
  /** A CA that signed nothing here: trusting it alone must fail. */
  otherCaCert: string;
  /** Server certificate for the DNS name "localhost" only (no IP address), and its key. */
  serverCert: string;
  serverKey: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

function makeCa(dir: string, name: string): { cert: string; key: string } {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.pem`);
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    ],
    dir,
  );
  return { cert, key };
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'test-pki-'));
  const ca = makeCa(dir, 'test-ca');
  const other = makeCa(dir, 'other-ca');
  const serverKey = path.join(dir, 'server.key');
  const csr = path.join(dir, 'server.csr');
  const serverCert = path.join(dir, 'server.pem');
  const ext = path.join(dir, 'server.ext');
  writeFileSync(ext, 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', serverKey, '-out', csr, '-subj', '/CN=localhost'],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-out',
      serverCert,
      '-days',
      '2',
      '-extfile',
      ext,
    ],
    dir,
  );
  return { dir, caCert: ca.cert, otherCaCert: other.cert, serverCert, serverKey };
}
