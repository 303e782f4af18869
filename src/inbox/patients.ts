/**
 * The inbox's patients cache (migrations/0004 `patients`): what the list shows of a patient (name,
 * age) and what name / record-number searches match, copied from the chart when the draft step reads
 * it, so listing and searching never call the portal.
 *
 * Name search is "prefix of any name word, case- and accent-insensitive". A GIN index over a text[]
 * answers containment (@>) but not LIKE 'abc%', so `search_terms` holds every prefix of every folded
 * name word ("maria" → m, ma, mar, mari, maria): a prefix query is then an indexed containment test.
 */
import { sql } from 'kysely';
import type { PatientSummary } from '../context/types';
import type { Db } from '../db';
import type { Logger } from '../logging/logger';

/** Words longer than this are stored (and searched) by their first MAX_TERM_CHARS characters. */
export const MAX_TERM_CHARS = 30;
const MAX_WORDS = 20;

/** Lower case, accents removed (NFD, combining marks dropped): "José" and "jose" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded words of a name: split on anything that is not a letter or digit ("O'Neil-Ruiz" → o, neil, ruiz). */
export function nameWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => [...w].slice(0, MAX_TERM_CHARS).join(''));
}

/** Every prefix of every name word, deduplicated: the terms a prefix search matches. */
export function searchTermsFor(names: string[]): string[] {
  const terms = new Set<string>();
  const words = [...new Set(names.flatMap(nameWords))].slice(0, MAX_WORDS);
  for (const word of words) {
    const chars = [...word];
    for (let n = 1; n <= chars.length; n++) terms.add(chars.slice(0, n).join(''));
  }
  return [...terms];
}

/** The name staff call the patient by: the preferred name, else given names and family name. */
export function displayNameOf(patient: PatientSummary): string | undefined {
  const full = [patient.givenNames.join(' '), patient.familyName ?? ''].join(' ').trim();
  const preferred = patient.preferredName?.trim();
  if (preferred && patient.familyName && !preferred.includes(patient.familyName)) {
    return `${preferred} ${patient.familyName}`.slice(0, 300);
  }
  return (preferred || full || undefined)?.slice(0, 300);
}

const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Stores (or refreshes) the patient as the chart says now. A chart without any name stores nothing. */
export async function upsertPatientFromChart(
  db: Db,
  patientRef: string,
  patient: PatientSummary,
): Promise<boolean> {
  const displayName = displayNameOf(patient);
  if (!displayName) return false;
  const row = {
    patient_ref: patientRef,
    display_name: displayName,
    birth_date: patient.birthDate && BIRTH_DATE.test(patient.birthDate) ? patient.birthDate : null,
    sex: patient.sex ?? null,
    record_numbers: [...new Set(patient.recordNumbers.map((r) => r.trim()).filter(Boolean))].slice(0, 20),
    search_terms: searchTermsFor([
      ...patient.givenNames,
      patient.familyName ?? '',
      patient.preferredName ?? '',
      ...patient.nicknames,
    ]),
  };
  await db
    .insertInto('patients')
    .values(row)
    .onConflict((oc) =>
      oc.column('patient_ref').doUpdateSet({
        display_name: row.display_name,
        birth_date: row.birth_date,
        sex: row.sex,
        record_numbers: row.record_numbers,
        search_terms: row.search_terms,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  return true;
}

/**
 * The draft step's call: the cache is a convenience for the list, so a failure to write it is logged
 * (the error's kind only: a message could quote the name) and never fails drafting.
 */
export async function rememberPatient(
  deps: { db: Db; logger: Logger },
  patientRef: string,
  patient: PatientSummary,
): Promise<void> {
  try {
    await upsertPatientFromChart(deps.db, patientRef, patient);
  } catch (err) {
    const kind = (err as { code?: string; name?: string }).code ?? (err as Error).name ?? 'unknown';
    deps.logger.warn({ errorKind: kind }, 'patients cache not updated');
  }
}

/** Patients whose name has a word starting with each query word (all of them), by the GIN index. */
export async function findPatientsByName(db: Db, query: string, limit: number): Promise<string[]> {
  const words = [...new Set(nameWords(query))].slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  const rows = await db
    .selectFrom('patients')
    .select('patient_ref')
    .where('search_terms', '@>', sql<string[]>`${words}::text[]`)
    .orderBy('display_name')
    .orderBy('patient_ref')
    .limit(limit)
    .execute();
  return rows.map((r) => r.patient_ref);
}

/** Patients holding exactly this record number (after trimming). */
export async function findPatientsByRecordNumber(
  db: Db,
  recordNumber: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('patients')
    .select('patient_ref')
    .where('record_numbers', '@>', sql<string[]>`${[recordNumber.trim()]}::text[]`)
    .orderBy('patient_ref')
    .limit(limit)
    .execute();
  return rows.map((r) => r.patient_ref);
}
