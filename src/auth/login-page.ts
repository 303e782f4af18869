/**
 * The login page: plain server-rendered HTML with no script and no inline style (helmet's CSP
 * applies), labelled fields, and every interpolated value escaped.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

export interface LoginPageView {
  csrfToken: string;
  /** What the user typed, kept on a failed attempt (never the password). */
  email?: string;
  error?: string;
}

export function renderLoginPage(view: LoginPageView): string {
  const error = view.error ? `<p id="login-error" role="alert">${escapeHtml(view.error)}</p>` : '';
  const describedBy = view.error ? ' aria-describedby="login-error"' : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in · Inbox</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<main>
<h1>Log in to the inbox</h1>
${error}
<form method="post" action="/login" autocomplete="on">
<input type="hidden" name="_csrf" value="${escapeHtml(view.csrfToken)}">
<p><label for="email">Email</label><br>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="320" value="${escapeHtml(view.email ?? '')}"${describedBy} autofocus></p>
<p><label for="password">Password</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${describedBy}></p>
<p><button type="submit">Log in</button></p>
</form>
</main>
</body>
</html>
`;
}
