import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ht } from './ht';
import { ko } from './ko';
import { pt } from './pt';
import { ru } from './ru';
import type { LanguagePack } from './types';
import { tl } from './tl';
import { vi } from './vi';
import { zh } from './zh';

/** Every language the engine reads; English and Spanish fully, the others at least their red flags. */
export const LANGUAGE_PACKS: readonly LanguagePack[] = [en, es, zh, vi, tl, pt, ko, ru, ar, fr, ht];

/** Languages whose lexicon covers the whole rubric, not just red flags. */
export const FULLY_SUPPORTED = new Set(['en', 'es']);

export type { LanguagePack, ContextTriggers } from './types';
