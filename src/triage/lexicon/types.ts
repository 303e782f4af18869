import type { ConceptId } from '../concepts';

/**
 * One language's share of the lexicon. Patterns are regular-expression sources written in folded
 * form (lower case, no accents). In Latin-script packs a space means "one or more spaces", `~` a
 * short gap inside one clause that never crosses a negation word, `~~` a longer one, and every
 * pattern is wrapped in word boundaries. Capturing groups are turned into non-capturing ones.
 */
export interface LanguagePack {
  /** ISO 639-1 code. */
  code: string;
  name: string;
  /** Latin-script packs get word boundaries; CJK, Hangul, Cyrillic and Arabic match as substrings. */
  latin: boolean;
  concepts: Partial<Record<ConceptId, string[]>>;
  context: ContextTriggers;
  /** Figures of speech that look like symptoms ("this bill is killing me"). */
  idioms?: string[];
}

export interface ContextTriggers {
  /** Before a concept: "no", "denies", "sin". */
  negationPre: string[];
  /** After a concept: "is gone", "went away". */
  negationPost?: string[];
  /** Look like negation but are not ("no improvement", "not sure"). */
  pseudoNegation?: string[];
  /** Before a concept: "history of", "was seen for". */
  historyPre?: string[];
  /** After a concept: "last year", "back in 2019". */
  historyPost?: string[];
  /** Before a concept: "what are the signs of", "if I get". */
  hypotheticalPre?: string[];
  /** Family members whose past illness is family history, not the patient's state. */
  familyHistoryPre?: string[];
  /** End a modifier's scope: "but", "pero". */
  termination?: string[];
}
