import { detectIdentifiers, MAX_TEXT_CHARS } from './detect-identifiers';
import { PLACEHOLDER_WORD } from './placeholders';

const MAX_LOGGED_CHARS = 2000;

/**
 * Free-text redaction for the rare message that must be logged (an error quoting input). Every
 * finding becomes its bare type, e.g. "[PHONE]"; the text is cut to keep log lines small.
 */
export function redactForLog(text: string): string {
  if (typeof text !== 'string') return `[unloggable ${typeof text}]`;
  const scanned = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  let out = '';
  let cursor = 0;
  for (const span of detectIdentifiers(scanned)) {
    out += scanned.slice(cursor, span.start) + `[${PLACEHOLDER_WORD[span.type]}]`;
    cursor = span.end;
  }
  out += scanned.slice(cursor);
  return out.length > MAX_LOGGED_CHARS
    ? `${out.slice(0, MAX_LOGGED_CHARS)}…[truncated ${out.length - MAX_LOGGED_CHARS} chars]`
    : out;
}

/**
 * pino `redact.paths` for fields that carry patient text or identifiers. pino's wildcard matches one
 * level, so the common nestings (a message, a draft, a request body, a job's data) are spelled out.
 */
export const LOG_REDACT_PATHS: string[] = (() => {
  const fields = [
    'body',
    'text',
    'draft',
    'subject',
    'reply',
    'content',
    'prompt',
    'completion',
    'patientName',
    'patient_name',
    'patient_names',
    'contactNames',
    'birthDate',
    'birth_date',
    'dob',
    'phone',
    'email',
    'address',
    'mrn',
    'recordNumber',
    'record_number',
    'context_snapshot',
    'contextSnapshot',
  ];
  const parents = [
    'message',
    'draft',
    'reply',
    'patient',
    'data',
    'input',
    'req.body',
    'request.body',
    'job.data',
    'err.input',
  ];
  const paths = new Set<string>();
  for (const f of fields) {
    paths.add(f);
    paths.add(`*.${f}`);
    for (const p of parents) paths.add(`${p}.${f}`);
  }
  for (const p of [
    'patient',
    'req.body',
    'request.body',
    'job.data',
    'messages',
    'patient_bundle',
    'patientBundle',
  ]) {
    paths.add(p);
  }
  paths.add('req.headers.authorization');
  paths.add('req.headers.cookie');
  return [...paths];
})();
