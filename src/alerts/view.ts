/**
 * Builds an AlertView from the database: the message's level and red-flag concept, the patient
 * brief stored with the alert, and the alert's status. Also reads the brief from the chart once.
 */
import type { FhirClient } from '../portal/fhir-client';
import { patientSchema } from '../context/fhir-schemas';
import { mapPatient } from '../context/map-patient';
import { slaDueAt, type ClinicSettings } from '../clinic';
import type { Alert, Message } from '../db';
import { patientIdOf } from '../messages/pipeline-deps';
import { initialsOf, triageReasonLabel, type AlertLevel, type AlertView, type PatientBrief } from './blocks';

export function inboxUrl(appBaseUrl: string, messageId: string): string {
  return new URL(`/inbox/messages/${encodeURIComponent(messageId)}`, appBaseUrl).toString();
}

/**
 * Initials, age and sex only, from one Patient read (not the whole chart: the alert must be quick);
 * a Patient that cannot be read gives an empty brief and the alert still goes.
 */
export async function readPatientBrief(
  portal: Pick<FhirClient, 'read'>,
  patientRef: string,
  now: Date,
): Promise<PatientBrief> {
  const id = patientIdOf(patientRef);
  if (!id) return {};
  try {
    const raw = await portal.read('Patient', id);
    const parsed = patientSchema.safeParse(raw);
    if (!parsed.success) return {};
    const patient = mapPatient(parsed.data, now, []);
    return {
      initials: initialsOf(patient.givenNames, patient.familyName),
      ageYears: patient.ageYears,
      sex: patient.sex,
    };
  } catch {
    return {};
  }
}

export function parseBrief(raw: unknown): PatientBrief {
  const b = (raw ?? {}) as Record<string, unknown>;
  return {
    initials: typeof b.initials === 'string' && /^[\p{L}.]{1,8}$/u.test(b.initials) ? b.initials : undefined,
    ageYears: typeof b.ageYears === 'number' ? b.ageYears : undefined,
    sex: typeof b.sex === 'string' ? b.sex : undefined,
  };
}

export function alertLevelOf(m: Pick<Message, 'urgency'>): AlertLevel | undefined {
  return m.urgency === 'emergent' || m.urgency === 'urgent' ? m.urgency : undefined;
}

export function viewOf(
  deps: { appBaseUrl: string; timeZone: string; clinic: ClinicSettings },
  m: Pick<Message, 'id' | 'urgency' | 'triage_reasons' | 'received_at'>,
  a: Pick<Alert, 'acked_at' | 'acked_slack_user' | 'outcome' | 'patient_brief'>,
): AlertView {
  const level = alertLevelOf(m) ?? 'urgent';
  return {
    messageId: m.id,
    level,
    reason: triageReasonLabel(m.triage_reasons, level),
    patient: parseBrief(a.patient_brief),
    receivedAt: m.received_at,
    // The same due time as the inbox's SLA clock: one calendar, one set of targets.
    dueAt: slaDueAt(deps.clinic.calendar, deps.clinic.sla, level, m.received_at),
    inboxUrl: inboxUrl(deps.appBaseUrl, m.id),
    status: a.outcome ?? (a.acked_at ? 'acked' : 'open'),
    ackedBy: a.acked_slack_user ?? undefined,
    timeZone: deps.timeZone,
  };
}
