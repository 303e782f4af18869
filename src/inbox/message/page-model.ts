import { viewQuery, type ViewCode } from '../list/filters';
/** What the message page is rendered from, beyond the data in MessageView. */
import { OPEN_STATUSES, REPLYABLE_STATUSES } from '../../db/schema';
import type { PageContext } from '../../http/page-context';
import type { MessageView } from './load';

export type FormName =
  | 'start'
  | 'reply'
  | 'regenerate'
  | 'retry'
  | 'route'
  | 'close'
  | 'urgency'
  | 'feedback'
  | 'claim'
  | 'release'
  | 'acknowledge';

/** A form that was refused: the page comes back with the message beside it and what was typed. */
export interface FormFeedback {
  form: FormName;
  error: string;
  values: Record<string, string | string[]>;
}

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface Abilities {
  edit: boolean;
  approve: boolean;
  close: boolean;
  changeUrgency: boolean;
  acknowledge: boolean;
}

export interface Presence {
  name: string;
  mode: 'viewing' | 'replying';
}

export interface MessagePageInput {
  view: MessageView;
  ctx: PageContext;
  zone: string;
  now: Date;
  /** Other people on this message right now (never the viewer). */
  others: Presence[];
  /** False when Redis did not answer: `others` is unknown, and the page says so. Default true. */
  presenceAvailable?: boolean;
  can: Abilities;
  modelConfigured: boolean;
  flash?: Flash;
  feedback?: FormFeedback;
  /** The saved view the message was opened from: "next", "previous" and "Approve and next" stay in it. */
  queue?: ViewCode;
}

/** A message page (or action) inside a saved view: the view rides along as its code. */
export const queuePath = (id: string, queue: ViewCode | undefined, action?: string) =>
  `${messagePath(id, action)}${viewQuery(queue)}`;

export const messagePath = (id: string, action?: string) =>
  `/inbox/messages/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** A value the refused form sent, if this is the form that was refused. */
export function kept(input: MessagePageInput, form: FormName, field: string): string | undefined {
  if (input.feedback?.form !== form) return undefined;
  const v = input.feedback.values[field];
  return Array.isArray(v) ? v[0] : v;
}

export function keptList(input: MessagePageInput, form: FormName, field: string): string[] {
  if (input.feedback?.form !== form) return [];
  const v = input.feedback.values[field];
  return v === undefined ? [] : ([] as string[]).concat(v);
}

export function errorFor(input: MessagePageInput, form: FormName): string | undefined {
  return input.feedback?.form === form ? input.feedback.error : undefined;
}

export const presenceText = (p: Presence) => `${p.name} is ${p.mode}`;

/** Waiting on a person: claim, route, close and change the urgency apply (send_failed included). */
export const isOpen = (input: MessagePageInput) =>
  (OPEN_STATUSES as readonly string[]).includes(input.view.message.status);

/** A reply can still be started, edited, regenerated and approved. */
export const isReplyable = (input: MessagePageInput) =>
  (REPLYABLE_STATUSES as readonly string[]).includes(input.view.message.status);
