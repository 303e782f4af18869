/**
 * The chart as a rater reads it: the simple chart exactly as the batch's writer gave it (every
 * medicine and visit, with its status), in a few plain lines. The rater judges a draft's facts against
 * this, not against what the product chose to read from it.
 */
import { DateTime } from 'luxon';
import { ageYears, clinicTime } from '../../src/inbox/message/format';
import type { SimpleChart } from '../../tests/helpers/simple-chart';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "es" → "Spanish"; anything that is not a language code is said as written. */
export function languageName(code: string): string {
  if (!code) return 'language not given';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a language code: say it as written
  }
}

/** Dates as written; date-times on the clinic's clock, as the inbox writes them. */
function when(iso: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso.trim())) return iso.trim();
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? clinicTime(t.toJSDate(), zone) : iso;
}

const millis = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis() || 0;

function range(low?: number, high?: number): string {
  if (low !== undefined && high !== undefined) return `range ${low}–${high}`;
  if (low !== undefined) return `range ≥ ${low}`;
  if (high !== undefined) return `range ≤ ${high}`;
  return '';
}

function outside(value: unknown, low?: number, high?: number): string {
  if (typeof value !== 'number') return '';
  if (high !== undefined && value > high) return 'HIGH';
  if (low !== undefined && value < low) return 'LOW';
  return '';
}

const join = (parts: (string | undefined | false)[], sep = ', ') => parts.filter(Boolean).join(sep);

export function summarizeChart(chart: SimpleChart, now: Date, zone: string): string {
  const p = chart.patient;
  const age = ageYears(p.birthDate ?? null, now, zone);
  const lines = [
    join([
      join([p.given, p.family], ' ') || 'Patient (no name recorded)',
      p.sex,
      age !== undefined ? `${age} years old (born ${p.birthDate})` : p.birthDate && `born ${p.birthDate}`,
      p.language && `prefers ${languageName(p.language)}`,
    ]),
  ];
  const section = (title: string, items: string[]) =>
    lines.push(`${title}: ${items.length ? items.join('; ') : 'none recorded'}`);

  section(
    'Conditions',
    chart.conditions.map((c) => join([c.name, c.onset && `(since ${c.onset})`], ' ')),
  );
  section(
    'Medicines',
    chart.medications.map((m) =>
      join([
        `${m.name}${m.status && m.status !== 'active' ? ` (${m.status})` : ''}`,
        m.dose,
        m.refillsLeft !== undefined && `${m.refillsLeft} refill${m.refillsLeft === 1 ? '' : 's'} left`,
        m.lastFilled && `last filled ${m.lastFilled}`,
        m.daysSupply !== undefined && `${m.daysSupply}-day supply`,
        m.pharmacy,
      ]),
    ),
  );
  section(
    'Allergies',
    chart.allergies.map((a) => join([a.substance, a.reaction && `(${a.reaction})`], ' ')),
  );
  // Newest first, as a chart shows them; results written without a date go last.
  const results = [...chart.results].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  section(
    'Results',
    results.map((r) => {
      const details = join([range(r.low, r.high), outside(r.value, r.low, r.high)]);
      return join(
        [
          join([r.name, r.value !== undefined && String(r.value), r.unit], ' '),
          details && `(${details})`,
          r.date && `on ${when(r.date, zone)}`,
        ],
        ' ',
      );
    }),
  );
  section(
    'Visits',
    [...chart.appointments]
      .sort((a, b) => millis(a.start) - millis(b.start))
      .map(
        (a) =>
          `${when(a.start, zone)}: ${join(
            [a.type, a.practitioner && `with ${a.practitioner}`, a.status && `(${a.status})`],
            ' ',
          )}`,
      ),
  );
  return lines.join('\n');
}
