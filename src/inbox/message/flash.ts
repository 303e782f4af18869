/**
 * One-shot notices after a redirect (Post/Redirect/Get), kept in the session rather than the URL:
 * a URL ends up in history and logs. Texts are fixed sentences and staff names, never patient data.
 */
import type { Request } from 'express';
import type { Flash } from './page-model';

declare module 'express-session' {
  interface SessionData {
    inboxFlash?: Flash & { messageId: string };
  }
}

export function setFlash(req: Request, messageId: string, flash: Flash): void {
  req.session.inboxFlash = { ...flash, messageId };
}

/** The notice for this message, removed as it is read; a notice for another page is left alone. */
export function takeFlash(req: Request, messageId: string): Flash | undefined {
  const flash = req.session.inboxFlash;
  if (!flash || flash.messageId !== messageId) return undefined;
  delete req.session.inboxFlash;
  return { kind: flash.kind, text: flash.text };
}
