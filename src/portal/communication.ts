/**
 * One portal Communication → a message to store, something to ignore, or an unreadable item. zod
 * checks the shape, because a portal can send anything. Nothing a patient may have written is
 * dropped: text PostgreSQL cannot store is normalised (original kept escaped), very long text is
 * kept, and a resource that cannot be read becomes an "unreadable message" a person sees.
 */
import { z } from 'zod';
import { FHIR_ID_PATTERN, relativeReference } from './fhir-types';
import { escapedOriginal, storableText } from './storable-text';

const reference = z.looseObject({ reference: z.string().max(2048).optional() });
const payload = z.looseObject({
  contentString: z.string().optional(),
  contentAttachment: z.looseObject({}).optional(),
  contentReference: reference.optional(),
});

const CommunicationShape = z.looseObject({
  resourceType: z.literal('Communication'),
  id: z.string().regex(FHIR_ID_PATTERN),
  meta: z.looseObject({ lastUpdated: z.string().optional() }).optional(),
  status: z.string().optional(),
  subject: reference.optional(),
  sender: reference.optional(),
  payload: z.array(payload).max(100).optional(),
  partOf: z.array(reference).optional(),
  inResponseTo: z.array(reference).optional(),
  sent: z.string().optional(),
  topic: z.looseObject({ text: z.string().optional() }).optional(),
});

/** A patient's message, ready to store; thread_ref is resolved by the poller (it needs the database). */
export interface IncomingMessage {
  portalId: string;
  patientRef: string;
  senderRef: string;
  subject: string | null;
  body: string;
  receivedAt: Date;
  partOfRef: string | null;
  inResponseToRef: string | null;
  /** Set when the message is stored with a caveat a person should see. */
  flags: string[];
  /** The original body (and subject) escaped, when normalising or shortening changed them. */
  originalEscaped: string | null;
}

export type UnreadableReason =
  | 'invalid_shape'
  | 'no_sender'
  | 'sender_not_a_reference'
  | 'no_payload'
  /** The database refused the message even after normalisation (see the poller's fallback). */
  | 'database_rejected';

/** A resource that may be a patient's message but cannot be read: shown to staff, never skipped. */
export interface UnreadableCommunication {
  /** The portal's id when it has a usable one; else the poller names it by a hash of its content. */
  portalId?: string;
  reason: UnreadableReason;
  /** The patient, when the resource names one readably. */
  patientRef?: string;
  /** The raw resource, escaped and bounded, for a person to read. */
  rawEscaped: string;
}

export type ParsedCommunication =
  | { kind: 'message'; message: IncomingMessage; lastUpdated?: Date }
  /** Not patient → clinic (e.g. our own replies): passed over without a word. */
  | { kind: 'ignored'; portalId?: string; lastUpdated?: Date }
  | { kind: 'unreadable'; item: UnreadableCommunication; lastUpdated?: Date };

/**
 * Kept whole up to this (about 1 MB of text, far beyond any portal's own limit); longer text keeps its
 * first 900,000 and last 100,000 characters, so a red flag at the end still reaches triage.
 */
export const MAX_STORED_BODY_CHARS = 1_000_000;
const KEPT_HEAD_CHARS = 900_000;
const KEPT_TAIL_CHARS = 100_000;
/** Longer than this, the inbox marks the message as long (a person should read it all). */
export const LONG_MESSAGE_CHARS = 10_000;
const MAX_SUBJECT_CHARS = 500;
const MAX_RAW_ESCAPED_CHARS = 100_000;
/** Statuses that mean the message was not (or no longer) really sent. */
const NOT_SENT = new Set(['preparation', 'not-done', 'entered-in-error']);

/**
 * FHIR instants have four-digit years. JavaScript also reads years like -4713 or +275760, which
 * PostgreSQL refuses: such a `sent` turned a patient's message into an unreadable item, and such a
 * meta.lastUpdated made the page fail for good. Outside years 1–9999 a value is no date at all.
 */
function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 ? date : undefined;
}

function firstRef(list: { reference?: string }[] | undefined): string | null {
  for (const r of list ?? []) {
    const rel = r.reference ? relativeReference(r.reference) : undefined;
    if (rel) return rel;
  }
  return null;
}

function looseReference(value: unknown): string | undefined {
  const ref = (value as { reference?: unknown } | null)?.reference;
  return typeof ref === 'string' && ref.length <= 2048 ? relativeReference(ref) : undefined;
}

function unreadable(raw: unknown, reason: UnreadableReason, lastUpdated?: Date): ParsedCommunication {
  const loose = raw as { id?: unknown; subject?: unknown; sender?: unknown } | null;
  const portalId = typeof loose?.id === 'string' && FHIR_ID_PATTERN.test(loose.id) ? loose.id : undefined;
  const sender = looseReference(loose?.sender);
  // Readably from someone other than a patient (a clinician, a system): not ours to show.
  if (sender && !sender.startsWith('Patient/')) return { kind: 'ignored', portalId, lastUpdated };
  const subject = looseReference(loose?.subject);
  const patientRef = subject?.startsWith('Patient/') ? subject : sender;
  return {
    kind: 'unreadable',
    lastUpdated,
    item: { portalId, reason, patientRef, rawEscaped: escapedOriginal(raw, MAX_RAW_ESCAPED_CHARS) },
  };
}

/** Very long text keeps its head and tail; the flag tells a person to read the rest in the portal. */
function keptBody(body: string): { text: string; shortened: boolean } {
  if (body.length <= MAX_STORED_BODY_CHARS) return { text: body, shortened: false };
  const omitted = body.length - KEPT_HEAD_CHARS - KEPT_TAIL_CHARS;
  const text =
    `${body.slice(0, KEPT_HEAD_CHARS)}\n\n[… ${omitted} characters not stored here: ` +
    `read the whole message in the portal …]\n\n${body.slice(-KEPT_TAIL_CHARS)}`;
  return { text: storableText(text).text, shortened: true };
}

export function parseCommunication(raw: unknown): ParsedCommunication {
  const loose = raw as { meta?: { lastUpdated?: unknown } } | null;
  const lastUpdated = toDate(loose?.meta?.lastUpdated);
  const parsed = CommunicationShape.safeParse(raw);
  if (!parsed.success) return unreadable(raw, 'invalid_shape', lastUpdated);
  const c = parsed.data;
  const base = { portalId: c.id, lastUpdated };
  if (c.status && NOT_SENT.has(c.status)) return { kind: 'ignored', ...base };
  if (!c.sender) return unreadable(raw, 'no_sender', lastUpdated);
  const senderRef = c.sender.reference ? relativeReference(c.sender.reference) : undefined;
  if (!senderRef) return unreadable(raw, 'sender_not_a_reference', lastUpdated);
  if (!senderRef.startsWith('Patient/')) return { kind: 'ignored', ...base };
  if (!c.payload || c.payload.length === 0) return unreadable(raw, 'no_payload', lastUpdated);

  const texts = c.payload.map((p) => p.contentString).filter((t): t is string => typeof t === 'string');
  const rawBody = texts.join('\n\n');
  const flags: string[] = [];
  // An attachment-only message is still a patient writing in: keep it and tell a person to look.
  if (texts.length < c.payload.length) flags.push('non_text_payload');
  const storable = storableText(rawBody);
  const kept = keptBody(storable.text);
  const rawSubject = c.topic?.text?.slice(0, MAX_SUBJECT_CHARS) ?? null;
  const subject = rawSubject === null ? null : storableText(rawSubject);
  if (storable.changed || subject?.changed) flags.push('text_normalised');
  if (rawBody.length > LONG_MESSAGE_CHARS) flags.push('long_message');
  if (kept.shortened) flags.push('body_shortened');
  const originalEscaped =
    storable.changed || subject?.changed || kept.shortened
      ? escapedOriginal({ subject: rawSubject, body: rawBody }, MAX_RAW_ESCAPED_CHARS)
      : null;

  const subjectRef = c.subject?.reference ? relativeReference(c.subject.reference) : undefined;
  const patientRef = subjectRef?.startsWith('Patient/') ? subjectRef : senderRef;
  const receivedAt = toDate(c.sent) ?? lastUpdated ?? new Date();
  return {
    kind: 'message',
    lastUpdated,
    message: {
      portalId: c.id,
      patientRef,
      senderRef,
      subject: subject?.text ?? null,
      body: kept.text,
      receivedAt,
      partOfRef: firstRef(c.partOf),
      inResponseToRef: firstRef(c.inResponseTo),
      flags,
      originalEscaped,
    },
  };
}
