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

export interface ClinicKnowledge {
  contacts: ClinicContacts;
  passages: KnowledgePassage[];
}

export interface KnowledgeHit {
  passage: KnowledgePassage;
  score: number;
  /** The message's words that matched the passage's keywords. */
  terms: string[];
}
