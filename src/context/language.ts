/** Turns a language as FHIR charts carry it (BCP-47 code, ISO 639-2 code or plain name) into ISO 639-1. */
import type { CodeableConcept } from './fhir-schemas';

/** ISO 639-2/3 codes and English or native names seen in EHR language lists, for the common clinic languages. */
const ALIASES: Record<string, string> = {
  eng: 'en',
  english: 'en',
  spa: 'es',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  vie: 'vi',
  vietnamese: 'vi',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'zh',
  ara: 'ar',
  arabic: 'ar',
  rus: 'ru',
  russian: 'ru',
  kor: 'ko',
  korean: 'ko',
  tgl: 'tl',
  fil: 'tl',
  tagalog: 'tl',
  filipino: 'tl',
  pol: 'pl',
  polish: 'pl',
  por: 'pt',
  portuguese: 'pt',
  fra: 'fr',
  fre: 'fr',
  french: 'fr',
  hat: 'ht',
  'haitian creole': 'ht',
  som: 'so',
  somali: 'so',
  amh: 'am',
  amharic: 'am',
  hin: 'hi',
  hindi: 'hi',
  ben: 'bn',
  bengali: 'bn',
  urd: 'ur',
  urdu: 'ur',
  fas: 'fa',
  per: 'fa',
  farsi: 'fa',
  persian: 'fa',
  deu: 'de',
  ger: 'de',
  german: 'de',
  ita: 'it',
  italian: 'it',
  jpn: 'ja',
  japanese: 'ja',
  nep: 'ne',
  nepali: 'ne',
  ukr: 'uk',
  ukrainian: 'uk',
  swa: 'sw',
  swahili: 'sw',
  hmn: 'hmn',
  hmong: 'hmn',
  yor: 'yo',
  yoruba: 'yo',
};

/** ISO 639-1 code for one language value, or undefined when it is not recognisable. */
export function toIso6391(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const cleaned = value.trim().toLowerCase().replace(/_/g, '-');
  if (!cleaned) return undefined;
  const primary = cleaned.split('-')[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  return ALIASES[primary] ?? ALIASES[cleaned];
}

export function languageFromConcept(concept: CodeableConcept): string | undefined {
  for (const c of concept.coding ?? []) {
    const code = toIso6391(c.code) ?? toIso6391(c.display);
    if (code) return code;
  }
  return toIso6391(concept.text);
}
