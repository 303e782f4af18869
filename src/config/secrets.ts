/**
 * What production refuses as a secret: too short, too few different characters (a repeated or
 * keyboard-walk string), or a placeholder from our own examples and compose file. A value that
 * passes is not proven strong, but the usual mistakes (shipping the sample, "changeme") are caught.
 */

/** Lower-cased fragments that only a sample or placeholder contains. */
const PLACEHOLDERS = [
  'change-me',
  'changeme',
  'change_me',
  'example',
  'placeholder',
  'inbox-local-only',
  'secret',
  'password',
];

export const MIN_SECRET_CHARS = 32;
const MIN_DISTINCT_CHARS = 12;

/** Why the value is unfit as a production secret, or undefined when it passes. */
export function weakSecretReason(value: string): string | undefined {
  if (value.length < MIN_SECRET_CHARS) return `is shorter than ${MIN_SECRET_CHARS} characters`;
  if (new Set(value).size < MIN_DISTINCT_CHARS) return 'repeats too few different characters';
  const lower = value.toLowerCase();
  const found = PLACEHOLDERS.find((p) => lower.includes(p));
  if (found) return `looks like a placeholder (contains "${found}")`;
  return undefined;
}

/** Database passwords that are known defaults of this project or of PostgreSQL images. */
const DEFAULT_DATABASE_PASSWORDS = new Set([
  'inbox-local-only',
  'postgres',
  'password',
  'demo',
  'inbox',
  'changeme',
]);

/** Why a postgres:// URL's password is unfit in production (no password at all is the server's call). */
export function weakDatabasePasswordReason(databaseUrl: string): string | undefined {
  let password: string;
  try {
    password = decodeURIComponent(new URL(databaseUrl).password);
  } catch {
    return undefined; // not a URL: the database client says what is wrong with it
  }
  if (password === '') return undefined;
  if (DEFAULT_DATABASE_PASSWORDS.has(password.toLowerCase())) return 'uses a known default password';
  if (password.length < 16) return 'has a password shorter than 16 characters';
  return undefined;
}
