/**
 * The one permission table. Routes never test roles; they ask for a permission through
 * requirePermission(), and this table says which roles hold it. README's table is this one.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UserRole } from '../db/schema';
import { ForbiddenError, UnauthorizedError } from '../http/errors';

export const PERMISSIONS = [
  /** See the inbox list, a message, its draft and chart facts (every view is an audit event). */
  'messages.read',
  /** Edit a draft, start blank, regenerate, claim, route to a nurse, give draft feedback. */
  'messages.edit',
  /** Approve a reply, which sends it. */
  'messages.approve',
  /** Close a message without a reply (with a reason). */
  'messages.close',
  /** Change a message's urgency (with a reason): a clinical judgement. */
  'messages.change_urgency',
  /** Acknowledge or escalate an urgent alert (Slack buttons and the inbox). */
  'alerts.acknowledge',
  /** The response-time report pages. */
  'reports.view',
  /** CSV exports of the reports. */
  'reports.export',
  /** Clinic settings: business hours, SLA targets, escalation timings. */
  'settings.manage',
  /** Create, disable and list user accounts. */
  'users.manage',
  /** List, create and revoke one's own API tokens. */
  'tokens.manage_own',
  /** The job-queue dashboard (bull-board) at /admin/queues, read-only. */
  'queues.admin',
  /**
   * Changing jobs there (retry, remove, promote, pause, clean). Held by no role: retrying a send
   * re-sends a reply, which no admin may approve, and the reconciler re-drives stuck work anyway.
   */
  'queues.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Staff answer messages; nurses also make clinical calls; managers run the inbox and its reports;
 * admins run the system (accounts, queues, settings) and may look at messages but not answer them.
 */
const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  staff: ['messages.read', 'messages.edit', 'messages.approve', 'messages.close', 'tokens.manage_own'],
  nurse: [
    'messages.read',
    'messages.edit',
    'messages.approve',
    'messages.close',
    'messages.change_urgency',
    'alerts.acknowledge',
    'tokens.manage_own',
  ],
  manager: [
    'messages.read',
    'messages.edit',
    'messages.approve',
    'messages.close',
    'messages.change_urgency',
    'alerts.acknowledge',
    'reports.view',
    'reports.export',
    'settings.manage',
    'tokens.manage_own',
  ],
  admin: [
    'messages.read',
    'reports.view',
    'reports.export',
    'settings.manage',
    'users.manage',
    'tokens.manage_own',
    'queues.admin',
  ],
};

export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: UserRole): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

/**
 * Middleware: the caller (already authenticated by session or API token) must hold the permission.
 * No caller is 401, a caller without it is 403.
 */
export function requirePermission(permission: Permission): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal;
    if (!principal) throw new UnauthorizedError('please log in');
    if (!can(principal.role, permission)) throw new ForbiddenError();
    next();
  };
}
