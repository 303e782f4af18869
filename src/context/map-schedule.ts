/** Appointment, CareTeam and Patient.generalPractitioner → upcoming visits and the care team. */
import type { FhirAppointment, FhirCareTeam, Reference } from './fhir-schemas';
import { conceptText, parseFhirDate, referenceId } from './fhir-values';
import type { AppointmentFact, CareTeamFact } from './types';

const UPCOMING_STATUS = new Set(['booked', 'pending']);

export function mapAppointment(
  a: FhirAppointment,
  now: Date,
  displayOf: (ref: string | undefined) => string | undefined,
  warnings: string[],
): AppointmentFact | undefined {
  const source = `Appointment/${a.id}`;
  if (!UPCOMING_STATUS.has(a.status)) return undefined;
  if (!a.start) return undefined; // pending requests without a time yet are not a visit to mention
  const start = parseFhirDate(a.start);
  if (!start) {
    warnings.push(`${source}: skipped, start is not a date-time`);
    return undefined;
  }
  if (start.toMillis() < now.getTime()) return undefined;

  let practitioner: string | undefined;
  let location: string | undefined;
  for (const p of a.participant ?? []) {
    const ref = referenceId(p.actor?.reference);
    const display = p.actor?.display?.trim() || displayOf(ref);
    if (
      ref?.startsWith('Practitioner/') ||
      (!ref && !practitioner && /\b(dr|md|np|do|pa)\b/i.test(display ?? ''))
    ) {
      practitioner ??= display;
    } else if (ref?.startsWith('Location/')) {
      location ??= display;
    }
  }
  const description =
    a.description?.trim() || conceptText(a.serviceType?.[0]) || conceptText(a.appointmentType) || undefined;
  return { source, start: a.start, description, practitioner, location, status: a.status };
}

function addMember(team: CareTeamFact[], fact: CareTeamFact, key: string, seen: Set<string>): void {
  if (seen.has(key)) return;
  seen.add(key);
  team.push(fact);
}

export function mapCareTeam(
  generalPractitioners: Reference[],
  careTeams: FhirCareTeam[],
  displayOf: (ref: string | undefined) => string | undefined,
): CareTeamFact[] {
  const team: CareTeamFact[] = [];
  const seen = new Set<string>();
  for (const gp of generalPractitioners) {
    const ref = referenceId(gp.reference);
    const name = gp.display?.trim() || displayOf(ref);
    if (!name) continue;
    addMember(
      team,
      { source: ref ?? 'Patient.generalPractitioner', name, role: 'primary care' },
      ref ?? name,
      seen,
    );
  }
  for (const ct of careTeams) {
    if (ct.status && ct.status !== 'active') continue;
    for (const p of ct.participant ?? []) {
      const ref = referenceId(p.member?.reference);
      // Patients and related persons can be team members in FHIR, but they are not the clinic's staff.
      if (ref && !/^(Practitioner|PractitionerRole|Organization)\//.test(ref)) continue;
      const name = p.member?.display?.trim() || displayOf(ref);
      if (!name) continue;
      addMember(
        team,
        { source: `CareTeam/${ct.id}`, name, role: conceptText(p.role?.[0]) },
        ref ?? name,
        seen,
      );
    }
  }
  return team;
}
