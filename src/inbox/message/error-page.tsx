/** An inbox error as a page (a browser asked), with the way back. Messages are fixed texts, never patient data. */
import type { PageContext } from '../../http/page-context';
import { renderPage } from '../../http/page-layout';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Not allowed',
  404: 'Message not found',
  409: 'Something changed',
};

export function renderErrorPage(ctx: PageContext, status: number, message: string): string {
  const title = TITLES[status] ?? 'Something went wrong';
  return renderPage({
    title,
    user: ctx.user,
    csrfToken: ctx.csrfToken,
    active: 'inbox',
    body: (
      <>
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a href="/inbox">Back to the inbox</a>
        </p>
      </>
    ),
  });
}
