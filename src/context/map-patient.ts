/** Patient resource → PatientSummary (names, age, language, identifiers, reading grade). */
import type { FhirPatient, HumanName } from './fhir-schemas';
import { READING_GRADE_EXTENSION_URL } from './extensions';
import { ageAt, conceptCodes, conceptText, nameText } from './fhir-values';
import { languageFromConcept } from './language';
import type { PatientSummary } from './types';

const INACTIVE_NAME_USES = new Set(['old', 'maiden']);

export function emptyPatient(source = ''): PatientSummary {
  return { source, givenNames: [], nicknames: [], recordNumbers: [], phones: [], emails: [], addresses: [] };
}

function pushUnique(list: string[], value: string | undefined): void {
  const v = value?.trim();
  if (v && !list.includes(v)) list.push(v);
}

function mapNames(names: HumanName[], summary: PatientSummary): void {
  const nicknames: string[] = [];
  const otherNames: string[] = [];
  const official =
    names.find((n) => n.use === 'official') ??
    names.find((n) => !n.use || !['nickname', 'usual', 'old', 'maiden', 'anonymous'].includes(n.use)) ??
    names.find((n) => n.use === 'usual');
  if (official) {
    for (const g of official.given ?? []) pushUnique(summary.givenNames, g);
    summary.familyName = official.family?.trim() || undefined;
    if (!official.given?.length && !official.family && official.text) {
      const parts = official.text.trim().split(/\s+/);
      summary.familyName = parts.length > 1 ? parts.pop() : undefined;
      for (const p of parts) pushUnique(summary.givenNames, p);
    }
  }
  for (const n of names) {
    if (n === official) continue;
    if (n.use === 'nickname') pushUnique(nicknames, n.given?.join(' ') || nameText(n));
    else if (n.use === 'usual' && !summary.preferredName) summary.preferredName = n.given?.[0] ?? nameText(n);
    else if (n.use && INACTIVE_NAME_USES.has(n.use)) pushUnique(otherNames, nameText(n));
  }
  summary.nicknames = nicknames;
  if (!summary.preferredName && nicknames.length) summary.preferredName = nicknames[0];
  if (otherNames.length) summary.otherNames = otherNames;
}

function formatAddress(a: NonNullable<FhirPatient['address']>[number]): string | undefined {
  if (a.text?.trim()) return a.text.trim().replace(/\s*\n\s*/g, ', ');
  const cityLine = [a.city ?? '', [a.state, a.postalCode].filter(Boolean).join(' ')];
  const parts = [...(a.line ?? []), ...cityLine].map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

function readingGrade(patient: FhirPatient): number | undefined {
  const ext = patient.extension?.find((e) => e.url === READING_GRADE_EXTENSION_URL);
  const value = ext?.valueInteger ?? ext?.valueDecimal;
  // Outside 1-16 is a data-entry error, not a preference to honour.
  return value !== undefined && value >= 1 && value <= 16 ? value : undefined;
}

export function mapPatient(patient: FhirPatient, now: Date, warnings: string[]): PatientSummary {
  const source = `Patient/${patient.id}`;
  const summary = emptyPatient(source);
  mapNames(patient.name ?? [], summary);

  if (patient.birthDate) {
    const age = ageAt(patient.birthDate, now);
    if (age) {
      summary.birthDate = patient.birthDate;
      summary.ageYears = age.years;
      summary.ageDays = age.days;
    } else {
      warnings.push(`${source}: birthDate is not a usable past date; age unknown`);
    }
  }
  const gender = patient.gender;
  if (gender === 'female' || gender === 'male' || gender === 'other' || gender === 'unknown')
    summary.sex = gender;

  const comms = patient.communication ?? [];
  const preferred = comms.find((c) => c.preferred) ?? comms[0];
  if (preferred) summary.preferredLanguage = languageFromConcept(preferred.language);

  summary.readingGrade = readingGrade(patient);

  const others: string[] = [];
  for (const id of patient.identifier ?? []) {
    const codes = conceptCodes(id.type);
    const typeText = conceptText(id.type)?.toLowerCase() ?? '';
    const isRecordNumber = codes.includes('mr') || /\b(mrn|medical record)/.test(typeText);
    pushUnique(isRecordNumber ? summary.recordNumbers : others, id.value);
  }
  if (others.length) summary.otherIdentifiers = others;

  for (const t of patient.telecom ?? []) {
    if (t.system === 'phone' || t.system === 'sms') pushUnique(summary.phones, t.value);
    else if (t.system === 'email') pushUnique(summary.emails, t.value);
  }
  for (const a of patient.address ?? []) pushUnique(summary.addresses, formatAddress(a));

  const contacts: string[] = [];
  for (const c of patient.contact ?? []) if (c.name) pushUnique(contacts, nameText(c.name));
  if (contacts.length) summary.contactNames = contacts;
  return summary;
}
