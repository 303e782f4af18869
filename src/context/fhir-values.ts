/** Small readers for FHIR datatypes shared by the resource mappers. */
import { DateTime } from 'luxon';
import type { CodeableConcept, HumanName } from './fhir-schemas';

export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (!concept) return undefined;
  const text = concept.text?.trim() || concept.coding?.find((c) => c.display?.trim())?.display?.trim();
  return text || undefined;
}

/** Codes of a concept, lower-cased, for status and interpretation checks. */
export function conceptCodes(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).map((c) => (c.code ?? '').trim().toLowerCase()).filter(Boolean);
}

/** The first code from a preferred system (e.g. LOINC), else the first code at all. */
export function preferredCode(concept: CodeableConcept | undefined, systemHint: string): string | undefined {
  const codings = concept?.coding ?? [];
  const hinted = codings.find((c) => c.code && c.system?.toLowerCase().includes(systemHint));
  return (hinted ?? codings.find((c) => c.code))?.code;
}

export function nameText(name: HumanName): string {
  if (name.text?.trim()) return name.text.trim();
  return [...(name.given ?? []), name.family ?? '']
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');
}

/** "Dr. Ana Ruiz" style display for a practitioner name. */
export function practitionerDisplay(names: HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  if (name.text?.trim()) return name.text.trim();
  const core = [...(name.given ?? []), name.family ?? ''].filter((p) => p.trim()).join(' ');
  if (!core) return undefined;
  const prefix = name.prefix?.length ? `${name.prefix.join(' ')} ` : '';
  const suffix = name.suffix?.length ? `, ${name.suffix.join(', ')}` : '';
  return `${prefix}${core}${suffix}`;
}

/** Parses a FHIR date or dateTime; undefined when it is not one. */
export function parseFhirDate(value: string | undefined): DateTime | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value.trim(), { zone: 'utc', setZone: true });
  return parsed.isValid ? parsed : undefined;
}

/** YYYY-MM-DD part of a FHIR date or dateTime, or undefined when it does not parse. */
export function datePart(value: string | undefined): string | undefined {
  const parsed = parseFhirDate(value);
  return parsed ? (parsed.toISODate() ?? undefined) : undefined;
}

/** Age in whole years and days at `now`; undefined for a birth date that does not parse or is in the future. */
export function ageAt(birthDate: string, now: Date): { years: number; days: number } | undefined {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate)) return undefined;
  // A partial date (YYYY or YYYY-MM) counts from its first day: at most a year early, never negative.
  const born = DateTime.fromISO(birthDate, { zone: 'utc' });
  const at = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  if (!born.isValid || born > at) return undefined;
  const diff = at.diff(born, ['years', 'days']);
  return { years: Math.floor(diff.years), days: Math.floor(at.diff(born, 'days').days) };
}

export function referenceId(ref: string | undefined, type?: string): string | undefined {
  if (!ref) return undefined;
  const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.trim());
  if (!match) return undefined;
  if (type && match[1] !== type) return undefined;
  return `${match[1]}/${match[2]}`;
}
