/** Upcoming (and one past) appointments and the care team of a synthetic patient. */
import type { DateTime } from 'luxon';
import type { FhirResource } from './fhir-types';
import type { ChartPlan } from './patient-chart';
import type { Demographics } from './patient-demographics';
import type { Rng } from './prng';
import {
  CLINIC_NAME,
  LOCATION_ID,
  ORGANIZATION_ID,
  STAFF,
  staffDisplay,
  staffRef,
  type StaffMember,
} from './staff';

export interface PlannedVisit {
  id: string;
  start: string;
  description: string;
  status: 'booked' | 'pending' | 'fulfilled';
  with: StaffMember;
}

function visitReason(rng: Rng, d: Demographics, plan: ChartPlan): { description: string; with: StaffMember } {
  const has = (k: string) => plan.conditions.some((c) => c.def.key === k);
  const specialist = (s: string) => STAFF.find((m) => m.specialty === s) ?? d.pcp;
  if (has('pregnancy')) return { description: 'Prenatal visit', with: specialist('Obstetrics') };
  if (d.ageYears < 18)
    return { description: d.ageYears < 3 ? 'Well-baby visit' : 'Well-child visit', with: d.pcp };
  const options: { description: string; with: StaffMember }[] = [
    { description: 'Annual physical', with: d.pcp },
    { description: 'Lab draw', with: d.pcp },
  ];
  if (has('diabetes')) options.push({ description: 'Diabetes follow-up', with: d.pcp });
  if (has('hypertension')) options.push({ description: 'Blood pressure check', with: d.pcp });
  if (has('afib')) options.push({ description: 'Cardiology follow-up', with: specialist('Cardiology') });
  if (has('transplant'))
    options.push({ description: 'Transplant clinic visit', with: specialist('Transplant nephrology') });
  if (has('ckd')) options.push({ description: 'Kidney follow-up', with: specialist('Nephrology') });
  return rng.pick(options);
}

function appointmentResource(patientId: string, v: PlannedVisit): FhirResource {
  return {
    resourceType: 'Appointment',
    id: v.id,
    status: v.status,
    description: v.description,
    start: v.start,
    minutesDuration: 20,
    participant: [
      { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
      { actor: staffRef(v.with), status: 'accepted' },
      {
        actor: { reference: `Location/${LOCATION_ID}`, display: `${CLINIC_NAME}, Main Street clinic` },
        status: 'accepted',
      },
    ],
  };
}

/** The synthetic clinic's zone: its visits are booked on its own wall clock, all year round. */
export const CLINIC_ZONE = 'America/Chicago';

/** A clinic time on a weekday, 8:00 to 16:40 on the clinic's clock (whatever the daylight-saving offset), written in UTC. */
function clinicTime(rng: Rng, day: DateTime): string {
  let d = day.setZone(CLINIC_ZONE);
  while (d.weekday > 5) d = d.plus({ days: 1 });
  return d
    .set({ hour: 8 + rng.int(0, 8), minute: rng.pick([0, 20, 40]), second: 0, millisecond: 0 })
    .toUTC()
    .toISO()!;
}

export function buildVisits(rng: Rng, patientId: string, d: Demographics, plan: ChartPlan, now: DateTime) {
  const visits: PlannedVisit[] = [];
  const upcoming = rng.weighted([
    [0, 30],
    [1, 50],
    [2, 20],
  ] as const);
  for (let i = 0; i < upcoming; i++) {
    const reason = visitReason(rng, d, plan);
    visits.push({
      id: `${patientId}-appt-${i + 1}`,
      start: clinicTime(rng, now.plus({ days: rng.int(2, 75) })),
      status: rng.chance(0.8) ? 'booked' : 'pending',
      ...reason,
    });
  }
  if (rng.chance(0.6)) {
    visits.push({
      id: `${patientId}-appt-past`,
      start: clinicTime(rng, now.minus({ days: rng.int(20, 200) })),
      status: 'fulfilled',
      description: 'Office visit',
      with: d.pcp,
    });
  }
  visits.sort((a, b) => a.start.localeCompare(b.start));

  const members = new Map<string, { member: StaffMember; role: string }>([
    [d.pcp.id, { member: d.pcp, role: 'Primary care provider' }],
  ]);
  for (const c of plan.conditions) {
    const s = c.def.specialist && STAFF.find((m) => m.specialty === c.def.specialist);
    if (s && !members.has(s.id)) members.set(s.id, { member: s, role: s.specialty });
  }
  const careTeam: FhirResource = {
    resourceType: 'CareTeam',
    id: `${patientId}-careteam`,
    status: 'active',
    name: `Care team of ${staffDisplay(d.pcp)}`,
    subject: { reference: `Patient/${patientId}` },
    participant: [...members.values()].map(({ member, role }) => ({
      role: [{ text: role }],
      member: staffRef(member),
    })),
    managingOrganization: [{ reference: `Organization/${ORGANIZATION_ID}` }],
  };
  return { visits, resources: [...visits.map((v) => appointmentResource(patientId, v)), careTeam] };
}
