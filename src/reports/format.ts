/** How figures read on the report pages, and the links from each figure to its messages. */

/** "45 s", "3 h 30 min", "2 d 1 h 5 min": exact to the second, zero parts left out. */
export function formatDuration(ms: number | null): string {
  if (ms === null || Number.isNaN(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const min = Math.floor(s / 60);
  s -= min * 60;
  const parts = [d && `${d} d`, h && `${h} h`, min && `${min} min`, s && `${s} s`].filter(Boolean);
  return parts.length ? sign + parts.join(' ') : '0 s';
}

/** "87.5%" (one decimal), or — when there is nothing to divide. */
export const formatPercent = (r: number | null) =>
  r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

export type LinkParams = Record<string, string | undefined>;

/** A URL with only the given non-empty parameters (dates and codes; never patient data). */
export function reportUrl(path: string, params: LinkParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
