/**
 * Every queue in the system. Job data is ids only (never patient text): Redis stores it in clear text.
 * alert and escalate belong to the Slack alerts feature; they are named here so the pipeline can enqueue them.
 */
export const QUEUE_NAMES = ['poll', 'triage', 'draft', 'send', 'alert', 'escalate'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobDataByQueue {
  poll: { cursor: string };
  triage: { messageId: string };
  draft: { messageId: string };
  send: { replyId: string };
  alert: { messageId: string };
  escalate: { messageId: string; level: number };
}

/** Deterministic job ids make a second enqueue of the same work a no-op (BullMQ dedupes by id). */
export function jobIdFor<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q]): string {
  switch (queue) {
    case 'send':
      return `send-${(data as JobDataByQueue['send']).replyId}`;
    case 'escalate': {
      const d = data as JobDataByQueue['escalate'];
      return `escalate-${d.messageId}-${d.level}`;
    }
    case 'poll':
      return `poll-${(data as JobDataByQueue['poll']).cursor}`;
    default:
      return `${queue}-${(data as { messageId: string }).messageId}`;
  }
}
