/**
 * Block Kit for alerts, built by small pure functions. What goes in is the minimum a nurse needs to
 * act: level, the red-flag concept (never the patient's words), initials, age, sex, times, and a
 * link into the inbox by opaque id. Everything here is data in, JSON out: unit-tested.
 */
export type AlertLevel = 'emergent' | 'urgent';
export type AlertStatus = 'open' | 'acked' | 'sent' | 'closed';

export interface PatientBrief {
  initials?: string;
  ageYears?: number;
  sex?: string;
}

export interface AlertView {
  messageId: string;
  level: AlertLevel;
  /** A concept label from triageReasonLabel(), e.g. "chest pain". */
  reason: string;
  patient: PatientBrief;
  receivedAt: Date;
  /** When the reply is due by the clinic's SLA targets and business calendar (src/clinic). */
  dueAt: Date;
  inboxUrl: string;
  status: AlertStatus;
  /** Slack user id of whoever acknowledged. */
  ackedBy?: string;
  timeZone: string;
}

export const LEVEL_COLOUR: Record<AlertLevel, string> = { emergent: '#d40e0d', urgent: '#f2a200' };
const DONE_COLOUR = '#2eb67d';

export const ACTION_ACK = 'alert_ack';
export const ACTION_ESCALATE = 'alert_escalate';
export const ACTION_OPEN = 'alert_open';

/**
 * Triage reasons read `level: concept — "the patient's words"`. Only the concept survives, and only
 * when it looks like a label (letters, digits, a few marks, at most 60 characters).
 */
export function triageReasonLabel(reasons: string[], level: AlertLevel): string {
  const parsed = reasons
    .map((r) => /^(emergent|urgent|routine|non_clinical):\s*([^—"“”]+?)\s*(?:—|$)/.exec(r))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: m[1], label: m[2].trim() }))
    .filter((r) => /^[A-Za-z0-9 ,'()/+-]{2,60}$/.test(r.label));
  const best = parsed.find((r) => r.level === level) ?? parsed[0];
  return best ? best.label : `${level} red flag`;
}

/** "Ana María de la Cruz" → "A.M.C." (particles skipped); undefined when there is no usable name. */
export function initialsOf(givenNames: string[], familyName?: string): string | undefined {
  const skip = new Set(['de', 'la', 'del', 'van', 'von', 'der', 'da', 'di', 'le']);
  const parts = [...givenNames.slice(0, 1), ...(familyName ? familyName.split(/[\s-]+/) : [])]
    .flatMap((p) => p.split(/\s+/))
    .filter((p) => p && !skip.has(p.toLowerCase()));
  const letters = parts.map((p) => p.charAt(0).toUpperCase()).filter((c) => /\p{L}/u.test(c));
  return letters.length ? `${letters.slice(0, 3).join('.')}.` : undefined;
}

export function patientLine(p: PatientBrief): string {
  const sex = p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : p.sex ? 'X' : undefined;
  const parts = [p.initials, p.ageYears !== undefined ? `${p.ageYears}y` : undefined, sex].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'patient details unavailable';
}

export function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

function statusLine(v: AlertView): string {
  switch (v.status) {
    case 'acked':
      return `:eyes: Acknowledged by ${v.ackedBy ? `<@${v.ackedBy}>` : 'a nurse'}`;
    case 'sent':
      return ':white_check_mark: Replied to the patient';
    case 'closed':
      return ':ballot_box_with_check: Closed in the inbox';
    default:
      return ':rotating_light: Waiting for acknowledgement';
  }
}

/** The fallback text (notifications, screen readers): level and concept only. */
export function alertText(v: AlertView): string {
  return `${v.level.toUpperCase()} patient message: ${v.reason}`;
}

function buttons(v: AlertView): Record<string, unknown> {
  const open = {
    type: 'button',
    action_id: ACTION_OPEN,
    text: { type: 'plain_text', text: 'Open in inbox' },
    url: v.inboxUrl,
  };
  if (v.status !== 'open') return { type: 'actions', elements: [open] };
  return {
    type: 'actions',
    block_id: `alert:${v.messageId}`,
    elements: [
      {
        type: 'button',
        action_id: ACTION_ACK,
        style: 'primary',
        text: { type: 'plain_text', text: 'Acknowledge' },
        value: v.messageId,
      },
      open,
      {
        type: 'button',
        action_id: ACTION_ESCALATE,
        style: 'danger',
        text: { type: 'plain_text', text: 'Escalate' },
        value: v.messageId,
      },
    ],
  };
}

/** chat.postMessage / chat.update arguments, less channel and ts. */
export function alertMessage(v: AlertView): { text: string; attachments: Record<string, unknown>[] } {
  const due = v.dueAt;
  return {
    text: alertText(v),
    attachments: [
      {
        color: v.status === 'open' || v.status === 'acked' ? LEVEL_COLOUR[v.level] : DONE_COLOUR,
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `*${v.level.toUpperCase()}* · ${v.reason}` },
          },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: `*Patient*\n${patientLine(v.patient)}` },
              { type: 'mrkdwn', text: `*Received*\n${clockTime(v.receivedAt, v.timeZone)}` },
              { type: 'mrkdwn', text: `*Reply due*\n${clockTime(due, v.timeZone)}` },
            ],
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: statusLine(v) }] },
          buttons(v),
        ],
      },
    ],
  };
}

/** Thread lines that carry the history. */
export function reminderText(level: number, onCallGroup?: string): string {
  const who = onCallGroup ? `<!subteam^${onCallGroup}>` : '<!here>';
  return `${who} reminder ${level}: this alert has not been acknowledged yet.`;
}

export function escalationText(level: number, permalinkTs: string, onCallGroup?: string): string {
  const who = onCallGroup ? `<!subteam^${onCallGroup}> ` : '';
  return `${who}:rotating_light: Escalated (reminder ${level}): an alert is still unacknowledged (thread ${permalinkTs}).`;
}

export function ackText(slackUser: string): string {
  return `Acknowledged by <@${slackUser}>.`;
}

export function ownerReminderText(ownerSlackUser: string | undefined): string {
  const who = ownerSlackUser ? `<@${ownerSlackUser}>` : 'The owner';
  return `${who}: acknowledged, but the patient has no reply yet.`;
}

/**
 * The reply to an alerted message could not be sent: said in the alert's thread and broadcast to the
 * channel, because the patient is waiting on it. The reason is a fixed code (e.g. http_422).
 */
export function sendFailedText(errorKind: string | null, inboxUrl: string, onCallGroup?: string): string {
  const who = onCallGroup ? `<!subteam^${onCallGroup}>` : '<!here>';
  const why = errorKind && /^[a-z0-9_]{1,40}$/.test(errorKind) ? ` (${errorKind})` : '';
  return `${who} the reply to this message could not be sent to the patient's portal${why}. Retry it or call the patient: <${inboxUrl}|open in the inbox>.`;
}

export function outcomeText(outcome: 'sent' | 'closed'): string {
  return outcome === 'sent' ? 'Reply sent to the patient.' : 'Closed in the inbox.';
}

export interface InboxCounts {
  byLevel: Record<'emergent' | 'urgent' | 'routine' | 'non_clinical' | 'untriaged', number>;
  oldestUrgentMinutes: number | null;
}

/** The /inbox slash command's answer: counts and an age, no patient detail at all. */
export function inboxSummaryText(c: InboxCounts): string {
  const b = c.byLevel;
  const oldest =
    c.oldestUrgentMinutes === null
      ? 'No urgent or emergent message is waiting.'
      : `Oldest unanswered urgent message: ${formatAge(c.oldestUrgentMinutes)}.`;
  return [
    `Open messages — emergent: ${b.emergent}, urgent: ${b.urgent}, routine: ${b.routine}, non-clinical: ${b.non_clinical}, untriaged: ${b.untriaged}.`,
    oldest,
  ].join('\n');
}

export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${minutes % 60} min`;
}
