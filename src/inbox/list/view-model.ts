/**
 * A list row as the page shows it: the stored row plus the clock (waiting time, SLA clock, age) and
 * who is present. Computed at render time, so the same row reads right whenever it is fetched.
 */
import { slaClock, type ClinicSettings } from '../../clinic';
import type { PresenceEntry } from '../presence';
import { OPEN_STATUSES } from '../../db/schema';
import type { LevelCode } from './filters';
import {
  ageText,
  alertText,
  CATEGORY_LABELS,
  formatDuration,
  LEVEL_LABELS,
  slaText,
  STATUS_LABELS,
  type AlertKind,
  type SlaText,
} from './format';
import type { ListRow } from './repository';
import { snippetOf } from './snippet';

/** An unreadable Communication has no text here: the row says where to read it. */
export const UNREADABLE_FIRST_LINE = 'Unreadable message: open it in the portal';

export interface RowView {
  id: string;
  href: string;
  level: LevelCode;
  levelLabel: string;
  categoryLabel: string;
  patientName: string | null;
  age: string | undefined;
  /** The first sentence that says something (snippetOf), or where to read an unreadable item. */
  firstLine: string;
  receivedAt: string;
  waiting: string;
  open: boolean;
  /** The approved reply could not be sent: a person must retry or close it. */
  sendFailed: boolean;
  statusLabel: string;
  sla: SlaText | null;
  alert: { kind: AlertKind; text: string };
  claimedBy: string | null;
  nurseQueue: boolean;
  presence: { name: string; mode: PresenceEntry['mode'] }[];
}

export interface RowContext {
  now: Date;
  settings: ClinicSettings;
  userId: string;
  presence: Map<string, PresenceEntry[]>;
}

export function rowView(row: ListRow, ctx: RowContext): RowView {
  const level: LevelCode = row.urgency ?? 'untriaged';
  const open = (OPEN_STATUSES as readonly string[]).includes(row.status);
  let sla: SlaText | null = null;
  if (open) {
    const clock = slaClock(ctx.settings.calendar, ctx.settings.sla, row.urgency, row.receivedAt, ctx.now);
    const target = ctx.settings.sla[row.urgency ?? 'urgent'];
    sla = slaText(clock, !('wallMinutes' in target), ctx.settings.calendar.timeZone);
  }
  return {
    id: row.id,
    href: `/inbox/messages/${row.id}`,
    level,
    levelLabel: LEVEL_LABELS[level],
    categoryLabel: row.category ? CATEGORY_LABELS[row.category] : 'Not categorised',
    patientName: row.patient?.name ?? null,
    age: ageText(row.patient?.birthDate ?? null, ctx.now, ctx.settings.calendar.timeZone),
    firstLine:
      row.flags.includes('unreadable') && !row.bodyHead.trim()
        ? UNREADABLE_FIRST_LINE
        : snippetOf(row.subject, row.bodyHead),
    receivedAt: row.receivedAt.toISOString(),
    waiting: formatDuration(ctx.now.getTime() - row.receivedAt.getTime()),
    open,
    sendFailed: row.status === 'send_failed',
    statusLabel: STATUS_LABELS[row.status],
    sla,
    alert: alertText(row.alert),
    claimedBy: row.assignedTo
      ? row.assignedTo === ctx.userId
        ? 'you'
        : (row.assigneeName ?? 'someone')
      : null,
    nurseQueue: row.routedTo === 'nurse',
    presence: (ctx.presence.get(row.id) ?? [])
      .filter((p) => p.userId !== ctx.userId)
      .map((p) => ({ name: p.name, mode: p.mode })),
  };
}
