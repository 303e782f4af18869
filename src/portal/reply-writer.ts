/**
 * Writes an approved reply to the portal as a Communication to the patient, created conditionally on
 * an identifier carrying OUR reply id. Whatever happened before (a crash after the portal stored it
 * but before we recorded that), writing the same reply again finds the first one instead of sending
 * the patient a second copy (invariant 2).
 */
import { isFhirNotFound, type FhirClient } from './fhir-client';
import { relativeReference, type FhirResource } from './fhir-types';

export const REPLY_IDENTIFIER_SYSTEM = 'urn:inbox-draft-assistant:reply-id';

export interface ReplyToWrite {
  replyId: string;
  /** The patient's Communication id on the portal. */
  portalMessageId: string;
  patientRef: string;
  partOfRef: string | null;
  body: string;
  sentAt: Date;
}

export interface WrittenReply {
  portalReplyId: string;
  /** False when the portal already held this reply (a retry found it). */
  created: boolean;
}

/** We answer as whoever the patient wrote to (their doctor, or the clinic). */
async function senderFor(portal: Pick<FhirClient, 'read'>, portalMessageId: string) {
  try {
    const original = await portal.read('Communication', portalMessageId);
    const first = (original.recipient as { reference?: unknown }[] | undefined)?.[0]?.reference;
    const ref = typeof first === 'string' ? relativeReference(first) : undefined;
    return ref ? { reference: ref } : undefined;
  } catch (err) {
    // The patient's message was removed from the portal; the reply still goes, without a sender.
    if (isFhirNotFound(err)) return undefined;
    throw err;
  }
}

export function replyCondition(replyId: string): string {
  return `identifier=${encodeURIComponent(`${REPLY_IDENTIFIER_SYSTEM}|${replyId}`)}`;
}

export async function writeReplyToPortal(
  portal: Pick<FhirClient, 'create' | 'read'>,
  reply: ReplyToWrite,
): Promise<WrittenReply> {
  const sender = await senderFor(portal, reply.portalMessageId);
  const resource: FhirResource = {
    resourceType: 'Communication',
    identifier: [{ system: REPLY_IDENTIFIER_SYSTEM, value: reply.replyId }],
    status: 'completed',
    subject: { reference: reply.patientRef },
    recipient: [{ reference: reply.patientRef }],
    ...(sender ? { sender } : {}),
    inResponseTo: [{ reference: `Communication/${reply.portalMessageId}` }],
    ...(reply.partOfRef ? { partOf: [{ reference: reply.partOfRef }] } : {}),
    sent: reply.sentAt.toISOString(),
    payload: [{ contentString: reply.body }],
  };
  const { resource: stored, created } = await portal.create(resource, {
    ifNoneExist: replyCondition(reply.replyId),
  });
  return { portalReplyId: stored.id as string, created };
}
