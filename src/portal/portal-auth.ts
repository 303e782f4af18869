import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { PortalSmartSettings } from '../config';
import type { SmartAuthOptions } from './smart-auth';

/** Reads the private key named by the settings: a PKCS#8 PEM file, or a JSON file holding one private JWK. */
export function loadSmartAuth(settings: PortalSmartSettings): SmartAuthOptions {
  let text: string;
  try {
    text = readFileSync(settings.privateKeyFile, 'utf8');
  } catch (err) {
    throw new Error(
      `PORTAL_SMART_PRIVATE_KEY_FILE cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const base = {
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    alg: settings.alg,
    scope: settings.scope,
    keyId: settings.keyId,
  };
  if (text.includes('-----BEGIN')) return { ...base, privateKeyPem: text };
  try {
    return { ...base, privateKeyJwk: JSON.parse(text) as JWK };
  } catch {
    throw new Error('PORTAL_SMART_PRIVATE_KEY_FILE holds neither a PEM private key nor a JSON private JWK');
  }
}
