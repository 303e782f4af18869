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
  /** round: the send round (replies.send_round); absent means 1. */
  send: { replyId: string; round?: number };
  alert: { messageId: string };
  escalate: { messageId: string; level: number };
}

/** Deterministic job ids make a second enqueue of the same work a no-op (BullMQ dedupes by id). */
export function jobIdFor<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q]): string {
  switch (queue) {
    case 'send': {
      // Round 1 keeps the plain id; a person's retry starts a round whose id no old job holds.
      const d = data as JobDataByQueue['send'];
      return d.round && d.round > 1 ? `send-${d.replyId}-r${d.round}` : `send-${d.replyId}`;
    }
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
