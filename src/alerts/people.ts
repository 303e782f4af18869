/**
 * Slack users ↔ inbox users. The slack_users table is the mapping; a Slack user not in it yet is
 * matched by the email on their Slack profile (users.info), and the match is remembered.
 */
import type { Alert, Db } from '../db';
import {
  activeUserByEmail,
  inboxUserForSlack,
  rememberSlackUser,
  slackUserForInboxUser,
  userEmail,
} from './repository';
import type { SlackClient } from './slack';

export async function inboxUserFor(
  db: Db,
  client: SlackClient,
  slackUser: string,
): Promise<string | undefined> {
  const known = await inboxUserForSlack(db, slackUser);
  if (known) return known;
  try {
    const info = await client.users.info({ user: slackUser });
    const email = info.user?.profile?.email;
    if (!email) return undefined;
    const userId = await activeUserByEmail(db, email);
    if (userId) await rememberSlackUser(db, slackUser, userId);
    return userId;
  } catch {
    // No users:read.email scope, or Slack is busy: the acknowledgement still counts, unassigned.
    return undefined;
  }
}

/** Whom to mention in an owner reminder: who clicked, else the inbox assignee found by email. */
export async function slackUserForOwner(
  db: Db,
  client: SlackClient,
  alert: Alert,
): Promise<string | undefined> {
  if (alert.acked_slack_user) return alert.acked_slack_user;
  if (!alert.acked_by) return undefined;
  const mapped = await slackUserForInboxUser(db, alert.acked_by);
  if (mapped) return mapped;
  const email = await userEmail(db, alert.acked_by);
  if (!email) return undefined;
  try {
    const res = await client.users.lookupByEmail({ email });
    if (res.user?.id) await rememberSlackUser(db, res.user.id, alert.acked_by);
    return res.user?.id;
  } catch {
    return undefined;
  }
}
