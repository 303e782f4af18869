/** The fictional clinic itself: its organization, its location and its clinicians. */
import type { FhirResource } from './fhir-types';

export const ORGANIZATION_ID = 'org-riverbend';
export const LOCATION_ID = 'loc-main';
export const CLINIC_NAME = 'Riverbend Community Health';

export interface StaffMember {
  id: string;
  given: string;
  family: string;
  suffix: 'MD' | 'NP';
  /** Specialty as CareTeam roles name it; 'Family medicine', 'Internal medicine' and 'Pediatrics' give primary care. */
  specialty: string;
}

export const STAFF: StaffMember[] = [
  { id: 'prac-carter', given: 'Emily', family: 'Carter', suffix: 'MD', specialty: 'Family medicine' },
  { id: 'prac-ortega', given: 'Luis', family: 'Ortega', suffix: 'MD', specialty: 'Family medicine' },
  { id: 'prac-kim', given: 'Grace', family: 'Kim', suffix: 'MD', specialty: 'Internal medicine' },
  { id: 'prac-abara', given: 'Samuel', family: 'Abara', suffix: 'MD', specialty: 'Internal medicine' },
  { id: 'prac-ellis', given: 'Jordan', family: 'Ellis', suffix: 'NP', specialty: 'Family medicine' },
  { id: 'prac-weiss', given: 'Hannah', family: 'Weiss', suffix: 'MD', specialty: 'Pediatrics' },
  { id: 'prac-menon', given: 'Ravi', family: 'Menon', suffix: 'MD', specialty: 'Pediatrics' },
  { id: 'prac-haddad', given: 'Nadia', family: 'Haddad', suffix: 'MD', specialty: 'Obstetrics' },
  { id: 'prac-novak', given: 'Peter', family: 'Novak', suffix: 'MD', specialty: 'Cardiology' },
  { id: 'prac-rahman', given: 'Aisha', family: 'Rahman', suffix: 'MD', specialty: 'Endocrinology' },
  { id: 'prac-soto', given: 'Miguel', family: 'Soto', suffix: 'MD', specialty: 'Nephrology' },
  {
    id: 'prac-lindqvist',
    given: 'Karin',
    family: 'Lindqvist',
    suffix: 'MD',
    specialty: 'Transplant nephrology',
  },
  { id: 'prac-brennan', given: 'Laura', family: 'Brennan', suffix: 'MD', specialty: 'Neurology' },
];

export function staffDisplay(s: StaffMember): string {
  return s.suffix === 'MD' ? `Dr. ${s.given} ${s.family}` : `${s.given} ${s.family}, NP`;
}

export function staffById(id: string): StaffMember {
  const member = STAFF.find((s) => s.id === id);
  if (!member) throw new Error(`unknown staff id ${id}`);
  return member;
}

export function staffRef(s: StaffMember): { reference: string; display: string } {
  return { reference: `Practitioner/${s.id}`, display: staffDisplay(s) };
}

export function clinicResources(): FhirResource[] {
  const org: FhirResource = {
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    active: true,
    name: CLINIC_NAME,
    telecom: [{ system: 'phone', value: '(217) 555-0100' }],
  };
  const location: FhirResource = {
    resourceType: 'Location',
    id: LOCATION_ID,
    status: 'active',
    name: `${CLINIC_NAME}, Main Street clinic`,
    managingOrganization: { reference: `Organization/${ORGANIZATION_ID}` },
  };
  const practitioners: FhirResource[] = STAFF.map((s) => ({
    resourceType: 'Practitioner',
    id: s.id,
    active: true,
    name: [
      {
        use: 'official',
        family: s.family,
        given: [s.given],
        prefix: s.suffix === 'MD' ? ['Dr.'] : [],
        suffix: [s.suffix],
      },
    ],
    qualification: [{ code: { text: s.specialty } }],
  }));
  return [org, location, ...practitioners];
}
