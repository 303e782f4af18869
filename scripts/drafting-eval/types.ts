/** The blind drafting evaluation's files: one drafts.jsonl line per batch message. */

/** The clinic the blind batches are written for keeps Chicago time. */
export const CLINIC_TIME_ZONE = 'America/Chicago';
/** "Now" for a drafting run unless --now says otherwise: a Monday afternoon, during clinic hours. */
export const DEFAULT_NOW = '2026-12-07T15:00:00-06:00';

export interface DraftLine {
  id: string;
  text: string;
  lang: string;
  /** Copied from the batch line when its writer gave one (e.g. "refill", "result question"). */
  kind?: string;
  chart_summary: string;
  urgency: string;
  triage_reasons: string[];
  draft: string;
  draft_flags: { code: string; detail: string }[];
  source: string;
}

/** A batch line that could not be drafted: the id (when readable) and what is wrong, never its text. */
export interface ErrorLine {
  id: string | null;
  line: number;
  error: string;
}

export const isDraftLine = (l: DraftLine | ErrorLine): l is DraftLine => !('error' in l);
