/**
 * One portal Communication → a message to store, something to ignore, or a rejection. zod checks the
 * shape, because a portal can send anything; a rejection carries a reason code, never the content.
 */
import { z } from 'zod';
import { FHIR_ID_PATTERN, relativeReference } from './fhir-types';

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
}

export type RejectReason =
  'invalid_shape' | 'no_sender' | 'sender_not_a_reference' | 'no_payload' | 'body_too_long';

export type ParsedCommunication =
  | { kind: 'message'; message: IncomingMessage; lastUpdated?: Date }
  /** Not patient → clinic (e.g. our own replies): passed over without a word. */
  | { kind: 'ignored'; portalId?: string; lastUpdated?: Date }
  | { kind: 'rejected'; portalId?: string; reason: RejectReason; lastUpdated?: Date };

/** PostgreSQL text holds more, but a message this long is a portal bug, not a patient. */
const MAX_BODY_CHARS = 100_000;
const MAX_SUBJECT_CHARS = 500;
/** Statuses that mean the message was not (or no longer) really sent. */
const NOT_SENT = new Set(['preparation', 'not-done', 'entered-in-error']);

function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function firstRef(list: { reference?: string }[] | undefined): string | null {
  for (const r of list ?? []) {
    const rel = r.reference ? relativeReference(r.reference) : undefined;
    if (rel) return rel;
  }
  return null;
}

export function parseCommunication(raw: unknown): ParsedCommunication {
  const loose = raw as { id?: unknown; meta?: { lastUpdated?: unknown } } | null;
  const lastUpdated = toDate(loose?.meta?.lastUpdated);
  const rawId = typeof loose?.id === 'string' && FHIR_ID_PATTERN.test(loose.id) ? loose.id : undefined;
  const parsed = CommunicationShape.safeParse(raw);
  if (!parsed.success) return { kind: 'rejected', portalId: rawId, reason: 'invalid_shape', lastUpdated };
  const c = parsed.data;
  const base = { portalId: c.id, lastUpdated };
  if (c.status && NOT_SENT.has(c.status)) return { kind: 'ignored', ...base };
  if (!c.sender) return { kind: 'rejected', ...base, reason: 'no_sender' };
  const senderRef = c.sender.reference ? relativeReference(c.sender.reference) : undefined;
  if (!senderRef) return { kind: 'rejected', ...base, reason: 'sender_not_a_reference' };
  if (!senderRef.startsWith('Patient/')) return { kind: 'ignored', ...base };
  if (!c.payload || c.payload.length === 0) return { kind: 'rejected', ...base, reason: 'no_payload' };

  const texts = c.payload.map((p) => p.contentString).filter((t): t is string => typeof t === 'string');
  const body = texts.join('\n\n');
  if (body.length > MAX_BODY_CHARS) return { kind: 'rejected', ...base, reason: 'body_too_long' };
  const flags: string[] = [];
  // An attachment-only message is still a patient writing in: keep it and tell a person to look.
  if (texts.length < c.payload.length) flags.push('non_text_payload');

  const subjectRef = c.subject?.reference ? relativeReference(c.subject.reference) : undefined;
  const patientRef = subjectRef?.startsWith('Patient/') ? subjectRef : senderRef;
  const receivedAt = toDate(c.sent) ?? lastUpdated ?? new Date();
  const subject = c.topic?.text?.slice(0, MAX_SUBJECT_CHARS) ?? null;
  return {
    kind: 'message',
    lastUpdated,
    message: {
      portalId: c.id,
      patientRef,
      senderRef,
      subject,
      body,
      receivedAt,
      partOfRef: firstRef(c.partOf),
      inResponseToRef: firstRef(c.inResponseTo),
      flags,
    },
  };
}
