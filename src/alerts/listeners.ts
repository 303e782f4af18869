/**
 * What the Slack app listens to, as a table of contents: the alert buttons and /inbox. Every
 * listener acknowledges Slack first (ack()), then does the work through the use cases.
 */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { ACTION_ACK, ACTION_ESCALATE, ACTION_OPEN, inboxSummaryText } from './blocks';
import { acknowledgeAlert, escalateNow, type ButtonDeps } from './acknowledge';
import { inboxCounts } from './state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The button's value is the message id; anything else is ignored. */
function messageIdOf(action: unknown): string | undefined {
  const value = (action as { value?: unknown })?.value;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}

export function registerListeners(
  app: App,
  deps: Omit<ButtonDeps, 'slack' | 'logger'>,
  logger: Logger,
): void {
  app.action(ACTION_ACK, async ({ ack, action, body, client }) => {
    await ack();
    const messageId = messageIdOf(action);
    if (!messageId) return;
    const outcome = await acknowledgeAlert({ ...deps, slack: client, logger }, messageId, body.user.id);
    logger.info({ messageId, outcome }, 'slack acknowledgement');
  });

  app.action(ACTION_ESCALATE, async ({ ack, action, body, client }) => {
    await ack();
    const messageId = messageIdOf(action);
    if (!messageId) return;
    const outcome = await escalateNow({ ...deps, slack: client, logger }, messageId, body.user.id);
    logger.info({ messageId, outcome }, 'slack escalation request');
  });

  // A link button still sends an action; nothing to do but answer it.
  app.action(ACTION_OPEN, async ({ ack }) => {
    await ack();
  });

  app.command('/inbox', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: inboxSummaryText(await inboxCounts(deps.db)) });
  });
}
