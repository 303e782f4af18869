/**
 * The page a browser gets when a service the request needs is down: plain HTML that needs nothing
 * but this process (no database, no session, no script), saying what is down, what depends on it
 * and what still works. Fixed text only: no request data, no error detail.
 */
import type { Dependency } from './errors';

interface Wording {
  title: string;
  paragraphs: string[];
}

const WORDING: Record<Dependency, Wording> = {
  redis: {
    title: 'This page is temporarily unavailable',
    paragraphs: [
      'The queue service (Redis) is not answering right now, and this page needs it.',
      'What depends on it: sending approved replies to patients, urgent-alert reminders, showing who ' +
        'else is viewing a message, live updates, and the queue dashboard.',
      'The inbox list and the messages still open. A reply you approve is saved and is sent ' +
        'automatically once the queue service is back.',
      'Try again in a minute. If this goes on, tell your administrator.',
    ],
  },
  database: {
    title: 'The inbox is temporarily unavailable',
    paragraphs: [
      'The database (PostgreSQL) is not answering right now.',
      'Everything depends on it: logging in, the inbox list, messages, replies and reports.',
      'Nothing already saved is lost. If you were saving or approving something just now, it was ' +
        'not saved: do it again once the inbox loads.',
      'Try again in a minute. If this goes on, tell your administrator.',
    ],
  },
};

export function renderUnavailablePage(dependency: Dependency): string {
  const { title, paragraphs } = WORDING[dependency];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Inbox</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<main>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p><a href="/inbox">Try the inbox again</a></p>
</main>
</body>
</html>
`;
}
