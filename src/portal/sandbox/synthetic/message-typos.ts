/** Makes a message read like a quick note from a phone: lower case, dropped apostrophes, a slipped letter. */
import type { MessageLanguage } from './message-slots';
import type { Rng } from './prng';

const CONTRACTIONS: [RegExp, string][] = [
  [/\bI'm\b/g, 'im'],
  [/\bdon't\b/gi, 'dont'],
  [/\bcan't\b/gi, 'cant'],
  [/\bI've\b/g, 'ive'],
  [/\bit's\b/gi, 'its'],
  [/\bwon't\b/gi, 'wont'],
];

function dropAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0301\u0300\u0308]/g, '')
    .normalize('NFC');
}

/** Swaps two letters inside one longer lower-case word (never names, numbers, identifiers or `keep`). */
function slipLetter(text: string, rng: Rng, keep: string[]): string {
  const kept = keep.join(' ').toLowerCase();
  const words = [...text.matchAll(/\b[a-z]{7,}\b/g)].filter((m) => !kept.includes(m[0]));
  if (!words.length) return text;
  const match = rng.pick(words);
  const w = match[0];
  const i = rng.int(1, w.length - 3);
  const slipped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return text.slice(0, match.index) + slipped + text.slice(match.index! + w.length);
}

export function roughen(
  text: string,
  rng: Rng,
  lang: MessageLanguage,
  allowSlips: boolean,
  keep: string[] = [],
): string {
  let out = text;
  if (rng.chance(0.5)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (lang === 'en' && rng.chance(0.6)) for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  if (lang === 'es' && rng.chance(0.6)) out = dropAccents(out).replace(/¿/g, '');
  if (rng.chance(0.3)) out = out.replace(/\.$/, '');
  if (allowSlips && rng.chance(0.4)) out = slipLetter(out, rng, keep);
  return out;
}
