/** Who a synthetic patient is: age, sex, name, language, contact details and, for a child, a parent. */
import { DateTime } from 'luxon';
import { READING_GRADE_EXTENSION_URL } from '../../../context/extensions';
import type { FhirResource } from './fhir-types';
import { BACKGROUNDS, CITIES, EMAIL_DOMAINS, STREETS, type Background, type GivenName } from './names';
import type { Rng } from './prng';
import { ORGANIZATION_ID, STAFF, staffRef, type StaffMember } from './staff';

export const MRN_SYSTEM = 'http://riverbend.example.org/fhir/mrn';

export interface Person {
  given: string;
  nickname?: string;
  middle?: string;
  family: string;
  sex: 'female' | 'male';
}

export interface Demographics {
  person: Person;
  birthDate: string;
  ageYears: number;
  ageDays: number;
  background: string;
  language: string;
  mrn: string;
  phone: string;
  email: string;
  address: { line: string; city: string; state: string; zip: string };
  readingGrade?: number;
  /** The parent who writes for a child (under 18). */
  parent?: Person & { relation: 'mother' | 'father' };
  pcp: StaffMember;
}

const AGE_BANDS: (readonly [[number, number], number])[] = [
  [[0, 0], 3], // the first three months and the rest of the first year are both in here
  [[1, 2], 4],
  [[3, 17], 12],
  [[18, 39], 25],
  [[40, 64], 31],
  [[65, 94], 25],
];

function givenFrom(rng: Rng, bg: Background, sex: 'female' | 'male'): GivenName {
  return rng.pick(sex === 'female' ? bg.female : bg.male);
}

function makePerson(rng: Rng, bg: Background, sex: 'female' | 'male', family?: string): Person {
  const given = givenFrom(rng, bg, sex);
  const middle = rng.chance(0.25) ? givenFrom(rng, bg, sex).name : undefined;
  let familyName = family ?? rng.pick(bg.family);
  if (!family && bg.key === 'hispanic' && rng.chance(0.4))
    familyName = `${familyName} ${rng.pick(bg.family)}`;
  return {
    given: given.name,
    nickname: given.nickname && rng.chance(0.5) ? given.nickname : undefined,
    middle: middle && middle !== given.name ? middle : undefined,
    family: familyName,
    sex,
  };
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function birthDateFor(rng: Rng, now: DateTime): { birthDate: string; ageYears: number; ageDays: number } {
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  // A share of the youngest band are under 3 months: the age where a fever is an emergency.
  const days =
    maxAge === 0
      ? rng.chance(0.45)
        ? rng.int(7, 85)
        : rng.int(90, 360)
      : rng.int(minAge * 365 + 1, maxAge * 365 + 360);
  const born = now.minus({ days });
  const ageYears = Math.floor(now.diff(born, 'years').years);
  return { birthDate: born.toISODate()!, ageYears, ageDays: days };
}

export function makeDemographics(rng: Rng, index: number, now: DateTime): Demographics {
  const bg = rng.weighted(BACKGROUNDS.map((b) => [b, b.weight] as const));
  const sex: 'female' | 'male' = rng.chance(0.51) ? 'female' : 'male';
  const { birthDate, ageYears, ageDays } = birthDateFor(rng, now);
  const person = makePerson(rng, bg, sex);
  const parentSex: 'female' | 'male' = rng.chance(0.7) ? 'female' : 'male';
  const parent =
    ageYears < 18
      ? {
          ...makePerson(rng, bg, parentSex, person.family),
          relation: parentSex === 'female' ? ('mother' as const) : ('father' as const),
        }
      : undefined;
  // The language is the family's: for a child, the one the parent writing the messages prefers.
  const language = bg.language && rng.chance(bg.language.share) ? bg.language.code : 'en';
  const place = rng.pick(CITIES);
  const writer = parent ?? person;
  const pcps = STAFF.filter((s) =>
    ageYears < 18
      ? s.specialty === 'Pediatrics'
      : ['Family medicine', 'Internal medicine'].includes(s.specialty),
  );
  return {
    person,
    birthDate,
    ageYears,
    ageDays,
    background: bg.key,
    language,
    // 7919 is prime and coprime with 10^7, so every index below 10 million gets a different number.
    mrn: String(40_000_000 + (((index + 1) * 7919) % 10_000_000)),
    phone: `(${place.area}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    email: `${ascii(writer.given)}.${ascii(writer.family.split(' ')[0]!)}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`,
    address: {
      line: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`,
      city: place.city,
      state: place.state,
      zip: place.zip,
    },
    readingGrade: ageYears >= 18 && rng.chance(0.15) ? rng.int(4, 8) : undefined,
    parent,
    pcp: rng.pick(pcps),
  };
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  vi: 'Vietnamese',
  zh: 'Chinese',
  hi: 'Hindi',
  ar: 'Arabic',
  ru: 'Russian',
  ko: 'Korean',
  tl: 'Tagalog',
};

export function patientResource(id: string, d: Demographics): FhirResource {
  const p = d.person;
  const names: Record<string, unknown>[] = [
    { use: 'official', family: p.family, given: p.middle ? [p.given, p.middle] : [p.given] },
  ];
  if (p.nickname) names.push({ use: 'nickname', given: [p.nickname] });
  const resource: FhirResource = {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
          text: 'Medical record number',
        },
        system: MRN_SYSTEM,
        value: d.mrn,
      },
    ],
    active: true,
    name: names,
    telecom: [
      { system: 'phone', value: d.phone, use: 'mobile' },
      { system: 'email', value: d.email },
    ],
    gender: p.sex,
    birthDate: d.birthDate,
    address: [
      {
        use: 'home',
        line: [d.address.line],
        city: d.address.city,
        state: d.address.state,
        postalCode: d.address.zip,
        country: 'US',
      },
    ],
    communication: [
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: d.language, display: LANGUAGE_NAMES[d.language] }],
          text: LANGUAGE_NAMES[d.language],
        },
        preferred: true,
      },
    ],
    generalPractitioner: [staffRef(d.pcp)],
    managingOrganization: { reference: `Organization/${ORGANIZATION_ID}` },
  };
  if (d.readingGrade !== undefined)
    resource.extension = [{ url: READING_GRADE_EXTENSION_URL, valueInteger: d.readingGrade }];
  if (d.parent) {
    resource.contact = [
      {
        relationship: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
                code: d.parent.relation === 'mother' ? 'MTH' : 'FTH',
              },
            ],
            text: d.parent.relation,
          },
        ],
        name: { family: d.parent.family, given: [d.parent.given] },
        telecom: [{ system: 'phone', value: d.phone }],
      },
    ];
  }
  return resource;
}
