import type { ClinicContacts } from './schema';

export type { ClinicContacts };

/** One piece of clinic-written knowledge a draft may repeat as written. */
export interface KnowledgePassage {
  id: string;
  /** The file it came from, relative to prompts/ (shown to staff beside the draft). */
  file: string;
  /** The topic's title, or the standing answer's question. */
  title: string;
  keywords: string[];
  text: { en: string; es: string };
  /** Standing answers only: who approved the wording, and when (YYYY-MM-DD). */
  approvedBy?: string;
  approvedOn?: string;
}

/** Warning signs an urgent reply gives, for the triage reasons they belong to. */
export interface WarningSigns {
  id: string;
  /** Lower-case words matched inside the name of an urgent triage reason. */
  reasons: string[];
  text: { en: string; es: string };
  reviewedBy: string;
  reviewedOn: string;
}

export interface ClinicKnowledge {
  contacts: ClinicContacts;
  passages: KnowledgePassage[];
  warningSigns: WarningSigns[];
}

export interface KnowledgeHit {
  passage: KnowledgePassage;
  score: number;
  /** The message's words that matched the passage's keywords. */
  terms: string[];
}
