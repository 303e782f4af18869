/**
 * Why a reply could not be sent, in plain words, from the code the send step stores in
 * replies.last_error (portalErrorKind in src/portal/fhir-errors.ts, or the reconciler's job_failed).
 * Each says what happened and whether sending again is likely to help.
 */
const KINDS: Record<string, string> = {
  timeout: 'The patient portal did not answer in time. It may be slow or down; sending again usually works.',
  network:
    'The patient portal could not be reached (a network problem). Sending again usually works once it is back.',
  invalid_response:
    'The patient portal answered with something this system could not understand, so it is not known to have ' +
    'taken the reply. Sending again is safe: the portal never keeps the same reply twice.',
  job_failed:
    'The sending job stopped without finishing (a worker crashed or was stopped). Sending again is safe: the ' +
    'portal never keeps the same reply twice.',
  auth: 'The patient portal refused this system’s sign-in. Ask an administrator to check the portal credentials.',
  paging:
    'The patient portal answered in an unexpected way. Sending again may work; if not, tell an administrator.',
  invalid_request:
    'The reply could not be sent as it is (the request was refused before it left this system).',
  database: 'This system’s database failed while sending. Sending again usually works.',
  internal:
    'Something went wrong in this system while sending. Sending again may work; if not, tell an administrator.',
};

const HTTP: Record<number, string> = {
  400: 'The patient portal rejected the reply as malformed (HTTP 400).',
  401: 'The patient portal refused this system’s sign-in (HTTP 401). Ask an administrator to check the credentials.',
  403: 'The patient portal does not allow this system to send this reply (HTTP 403), for example to this patient.',
  404: 'The patient portal could not find the patient or the message this reply answers (HTTP 404).',
  409: 'The patient portal reported a conflict with something it already holds (HTTP 409).',
  410: 'The patient or the message this reply answers was removed from the patient portal (HTTP 410).',
  412: 'The patient portal refused the reply because a condition of the request was not met (HTTP 412).',
  413: 'The patient portal refused the reply because it is too large (HTTP 413).',
  422: 'The patient portal refused the reply as invalid (HTTP 422): it did not accept its content or form.',
  429: 'The patient portal was too busy and asked to slow down (HTTP 429). Sending again later usually works.',
};

/** The failure of the last attempt as a sentence; an unknown code is named, never hidden. */
export function sendErrorText(code: string | null): string {
  if (!code) return 'The reason was not recorded.';
  const known = KINDS[code];
  if (known) return known;
  const http = /^http_(\d{3})$/.exec(code);
  if (http) {
    const status = Number(http[1]);
    const exact = HTTP[status];
    if (exact) return exact;
    if (status >= 500)
      return `The patient portal had an error of its own (HTTP ${status}). Sending again usually works once it recovers.`;
    if (status >= 400)
      return `The patient portal refused the reply (HTTP ${status}). Check the message in the portal before sending again.`;
  }
  return `The send failed (${code.replace(/_/g, ' ')}).`;
}

/** Codes where the portal turned the reply itself down: sending the same text again will likely fail again. */
export function isRefusal(code: string | null): boolean {
  const http = code ? /^http_(\d{3})$/.exec(code) : null;
  if (!http) return code === 'invalid_request';
  const status = Number(http[1]);
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
