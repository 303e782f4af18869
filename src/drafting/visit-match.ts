/**
 * Which upcoming visit a scheduling message is about, read from the days it names ("January 15",
 * "el 4 de enero", "1/15", "tomorrow", "on Friday", "the 3rd"), on the clinic's calendar.
 */
import { DateTime } from 'luxon';
import type { AppointmentFact } from '../context/types';
import { clinicDateTime, DEFAULT_TIME_ZONE } from './facts';
import type { MessageReading } from './reading';

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAYS_ES = ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'];
const TOMORROW = /\b(?:tomorrow|tmrw|tmr|tomorow|manana(?! en la| por la| temprano))\b/;
const TODAY = /\b(?:today|hoy)\b/;
const ORDINAL_DAY = /\b(?:the|on the|el dia|el) (\d{1,2})(?:st|nd|rd|th)?\b(?! (?:de|of) )/;
const DATE_IN_TEXT = new RegExp(
  `\\b(?:(?:${MONTHS_EN.map((m) => m.slice(0, 3)).join('|')})[a-z]*\\.? \\d{1,2}\\b|\\d{1,2} de (?:${MONTHS_ES.join('|')})\\b|\\d{1,2}/\\d{1,2}\\b)`,
);

/** The days a message names without a date: "tomorrow", "on Friday", "the 3rd". */
function relativeDays(folded: string, now: DateTime): ((d: DateTime) => boolean)[] {
  const tests: ((d: DateTime) => boolean)[] = [];
  if (TOMORROW.test(folded)) tests.push((d) => d.hasSame(now.plus({ days: 1 }), 'day'));
  if (TODAY.test(folded)) tests.push((d) => d.hasSame(now, 'day'));
  WEEKDAYS_EN.forEach((w, i) => {
    if (new RegExp(`\\b${w}s?\\b`).test(folded) || new RegExp(`\\b${WEEKDAYS_ES[i]}\\b`).test(folded))
      tests.push((d) => d.weekday === i + 1 && d.diff(now, 'days').days < 8);
  });
  const ordinal = ORDINAL_DAY.exec(folded);
  if (ordinal) tests.push((d) => d.day === Number(ordinal[1]));
  return tests;
}

function mentionsDay(folded: string, d: DateTime): boolean {
  const m = d.month - 1;
  const day = d.day;
  return [
    new RegExp(`\\b${MONTHS_EN[m].slice(0, 3)}[a-z]*\\.? ${day}(?!\\d)`),
    new RegExp(`(?<!\\d)${day} de ${MONTHS_ES[m]}\\b`),
    new RegExp(`(?<![\\d/])0?${d.month}/0?${day}(?![\\d])`),
  ].some((p) => p.test(folded));
}

/**
 * The visit a scheduling message is about: the one whose day the message names; else, when the message
 * names no day, the only upcoming one (or the next one for a question). A day that matches no visit on
 * the chart gets none: the draft must not answer about another visit.
 */
export function appointmentFor(
  appointments: AppointmentFact[],
  text: string,
  request: MessageReading['scheduling'],
  zone: string = DEFAULT_TIME_ZONE,
  now: Date = new Date(),
): AppointmentFact | undefined {
  if (request === 'book' || !appointments.length) return undefined;
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const named = appointments.find((a) => {
    const d = clinicDateTime(a.start, zone);
    return !!d && mentionsDay(folded, d);
  });
  if (named) return named;
  if (DATE_IN_TEXT.test(folded)) return undefined;
  const relative = relativeDays(folded, DateTime.fromJSDate(now, { zone }));
  if (relative.length) {
    return appointments.find((a) => {
      const d = clinicDateTime(a.start, zone);
      return !!d && relative.some((matches) => matches(d));
    });
  }
  if (appointments.length === 1 || request === 'question') return appointments[0];
  return undefined;
}
