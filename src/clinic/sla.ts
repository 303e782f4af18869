/**
 * Response-time targets per urgency level (the nurse-triage rubric's defaults: emergent within
 * minutes, urgent the same business day with a 4-hour target, the rest within 2 business days)
 * and the SLA clock the inbox shows on every row and the reports judge compliance with.
 */
import { z } from 'zod';
import type { UrgencyValue } from '../db/schema';
import {
  addBusinessMsMs,
  businessMsBetween,
  longestBusinessDayMinutes,
  type BusinessCalendar,
} from './calendar';

const MINUTE = 60_000;

/** A target is wall-clock minutes, business minutes or business days: exactly one of them. */
export const SlaTargetSchema = z.union([
  z.object({ wallMinutes: z.number().int().positive().max(100_000) }).strict(),
  z.object({ businessMinutes: z.number().int().positive().max(1_000_000) }).strict(),
  z.object({ businessDays: z.number().int().positive().max(365) }).strict(),
]);
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

export const SlaTargetsSchema = z
  .object({
    emergent: SlaTargetSchema,
    urgent: SlaTargetSchema,
    routine: SlaTargetSchema,
    non_clinical: SlaTargetSchema,
  })
  .strict();
export type SlaTargets = z.infer<typeof SlaTargetsSchema>;

export function defaultSlaTargets(): SlaTargets {
  return {
    emergent: { wallMinutes: 60 },
    urgent: { businessMinutes: 240 },
    routine: { businessDays: 2 },
    non_clinical: { businessDays: 2 },
  };
}

/** Untriaged messages are held to the urgent target: failing safe, never to the routine one. */
export function slaLevel(urgency: UrgencyValue | null | undefined): UrgencyValue {
  return urgency ?? 'urgent';
}

/**
 * Business milliseconds a target allows. N business days = N × the calendar's longest weekday
 * (its periods' nominal length; 8 h by default), counted in business time from receipt: a routine
 * message received Monday 10:00 is due Wednesday 10:00 with the default calendar.
 */
function businessBudgetMs(cal: BusinessCalendar, target: SlaTarget): number {
  if ('businessMinutes' in target) return target.businessMinutes * MINUTE;
  if ('businessDays' in target) return target.businessDays * longestBusinessDayMinutes(cal) * MINUTE;
  return 0;
}

/** When a reply (or a close) is due. Emergent targets are wall clock: emergencies keep no office hours. */
export function slaDueAt(
  cal: BusinessCalendar,
  targets: SlaTargets,
  urgency: UrgencyValue | null | undefined,
  receivedAt: Date,
): Date {
  return new Date(slaDueAtMs(cal, targets, urgency, receivedAt.getTime()));
}

/** slaDueAt on epoch milliseconds (no Date objects, for reports measuring millions of rows). */
export function slaDueAtMs(
  cal: BusinessCalendar,
  targets: SlaTargets,
  urgency: UrgencyValue | null | undefined,
  receivedAt: number,
): number {
  const target = targets[slaLevel(urgency)];
  if ('wallMinutes' in target) return receivedAt + target.wallMinutes * MINUTE;
  return addBusinessMsMs(cal, receivedAt, businessBudgetMs(cal, target));
}

export interface SlaClock {
  dueAt: Date;
  /** Business ms left (wall ms for wall-clock targets); negative once overdue. */
  msLeft: number;
  overdue: boolean;
}

export function slaClock(
  cal: BusinessCalendar,
  targets: SlaTargets,
  urgency: UrgencyValue | null | undefined,
  receivedAt: Date,
  now: Date,
): SlaClock {
  const target = targets[slaLevel(urgency)];
  const dueAt = slaDueAt(cal, targets, urgency, receivedAt);
  let msLeft: number;
  if ('wallMinutes' in target) msLeft = dueAt.getTime() - now.getTime();
  else if (now.getTime() <= dueAt.getTime()) msLeft = businessMsBetween(cal, now, dueAt);
  else msLeft = -businessMsBetween(cal, dueAt, now);
  return { dueAt, msLeft, overdue: now.getTime() > dueAt.getTime() };
}
