/**
 * The frame of every server-rendered page: skip link, header with navigation and the signed-in
 * person, a main landmark, and the page's own stylesheets and scripts (same-origin files only: the
 * CSP forbids inline script and style). Pages are TSX rendered by preact-render-to-string, which
 * escapes every interpolated value; patient text is never passed as markup.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { UserRole } from '../db/schema';
import { can } from '../auth/permissions';

export type NavSection = 'inbox' | 'reports' | 'queues';

export interface PageUser {
  name: string;
  role: UserRole;
}

export interface PageOptions {
  title: string;
  user: PageUser;
  csrfToken: string;
  active?: NavSection;
  /** Extra same-origin stylesheets and deferred scripts, e.g. '/inbox/assets/inbox.js'. */
  styles?: string[];
  scripts?: string[];
  /** data-* values for the page script, set on <body> (ids and codes only, never PHI). */
  data?: Record<string, string>;
  body: ComponentChildren;
}

function Header({ user, csrfToken, active }: Pick<PageOptions, 'user' | 'csrfToken' | 'active'>) {
  const links: { section: NavSection; href: string; label: string; show: boolean }[] = [
    { section: 'inbox', href: '/inbox', label: 'Inbox', show: can(user.role, 'messages.read') },
    { section: 'reports', href: '/reports', label: 'Reports', show: can(user.role, 'reports.view') },
    // bull-board (its own page, not ours): admins only, as the mount itself requires.
    { section: 'queues', href: '/admin/queues/', label: 'Queues', show: can(user.role, 'queues.admin') },
  ];
  return (
    <header class="site-header">
      <nav aria-label="Main">
        <ul>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <li key={l.section}>
                <a href={l.href} aria-current={l.section === active ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div class="who">
        <span>
          {user.name} <span class="role">({user.role})</span>
        </span>
        <form method="post" action="/logout">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit">Log out</button>
        </form>
      </div>
    </header>
  );
}

export function renderPage(options: PageOptions): string {
  const data = Object.fromEntries(Object.entries(options.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  const html = renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={options.csrfToken} />
        <title>{`${options.title} · Inbox`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        {(options.styles ?? []).map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {(options.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body {...data}>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <Header user={options.user} csrfToken={options.csrfToken} active={options.active} />
        <main id="main" tabIndex={-1}>
          {options.body}
        </main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>\n${html}`;
}
