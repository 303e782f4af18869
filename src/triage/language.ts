/**
 * Language of a short patient message: the writing system first (Han, Hangul, Cyrillic...), then,
 * for Latin script, stopword profiles. Built for recall on short texts: a language we cannot read
 * must never pass for English, and plain English must never look foreign.
 */
export interface DetectedLanguage {
  code: string;
  name: string;
}

interface ScriptRange {
  code: string;
  name: string;
  from: number;
  to: number;
}

const SCRIPTS: ScriptRange[] = [
  { code: 'zh', name: 'Chinese', from: 0x4e00, to: 0x9fff },
  { code: 'ja', name: 'Japanese', from: 0x3040, to: 0x30ff },
  { code: 'ko', name: 'Korean', from: 0xac00, to: 0xd7a3 },
  { code: 'ru', name: 'Russian', from: 0x0400, to: 0x04ff },
  { code: 'ar', name: 'Arabic', from: 0x0600, to: 0x06ff },
  { code: 'el', name: 'Greek', from: 0x0370, to: 0x03ff },
  { code: 'he', name: 'Hebrew', from: 0x0590, to: 0x05ff },
  { code: 'hi', name: 'Hindi', from: 0x0900, to: 0x097f },
  { code: 'bn', name: 'Bengali', from: 0x0980, to: 0x09ff },
  { code: 'pa', name: 'Punjabi', from: 0x0a00, to: 0x0a7f },
  { code: 'gu', name: 'Gujarati', from: 0x0a80, to: 0x0aff },
  { code: 'ta', name: 'Tamil', from: 0x0b80, to: 0x0bff },
  { code: 'te', name: 'Telugu', from: 0x0c00, to: 0x0c7f },
  { code: 'kn', name: 'Kannada', from: 0x0c80, to: 0x0cff },
  { code: 'ml', name: 'Malayalam', from: 0x0d00, to: 0x0d7f },
  { code: 'si', name: 'Sinhala', from: 0x0d80, to: 0x0dff },
  { code: 'th', name: 'Thai', from: 0x0e00, to: 0x0e7f },
  { code: 'lo', name: 'Lao', from: 0x0e80, to: 0x0eff },
  { code: 'my', name: 'Burmese', from: 0x1000, to: 0x109f },
  { code: 'ka', name: 'Georgian', from: 0x10a0, to: 0x10ff },
  { code: 'am', name: 'Amharic', from: 0x1200, to: 0x139f },
  { code: 'km', name: 'Khmer', from: 0x1780, to: 0x17ff },
  { code: 'hy', name: 'Armenian', from: 0x0530, to: 0x058f },
];

/** Latin-script profiles: frequent short words that rarely occur in the other languages listed. */
const PROFILES: Record<string, { name: string; words: string[] }> = {
  en: {
    name: 'English',
    words:
      'the and is i my to of it in you for have has that this with was are me on be not can do at im dont just so but your what get'.split(
        ' ',
      ),
  },
  es: {
    name: 'Spanish',
    words:
      'el la los las de que y en un una mi es por para con no tengo se le lo del al me muy pero como esta estoy desde hace ayer hoy usted gracias necesito todavia tiene hijo hija mama quiero puedo ya cita dias dolor tambien'.split(
        ' ',
      ),
  },
  pt: {
    name: 'Portuguese',
    words:
      'o os as de que e em um uma meu minha nao com para por estou tenho esta voce muito ele ela mas desde hoje obrigado obrigada'.split(
        ' ',
      ),
  },
  fr: {
    name: 'French',
    words:
      'le la les de des et en un une je mon ma est pas avec pour que qui vous il elle depuis aujourd tres merci ai suis'.split(
        ' ',
      ),
  },
  vi: {
    name: 'Vietnamese',
    words:
      'toi ban la va co khong cua duoc bi cho nay mot nhung rat tu sang bac si me ba ong em anh chi'.split(
        ' ',
      ),
  },
  tl: {
    name: 'Tagalog',
    words: 'ang ng mga sa ako ko siya po na ay hindi ba naman kasi may yung lang ito niya kami'.split(' '),
  },
  ht: {
    name: 'Haitian Creole',
    words: 'mwen li nan yo ak pa gen se ki te ap pou sa m konnen bay tout anpil kounye'.split(' '),
  },
  de: {
    name: 'German',
    words:
      'der die das und ist ich nicht mit ein eine sie es mein meine habe seit auf fur zu den dem wir bitte schmerzen'.split(
        ' ',
      ),
  },
  it: {
    name: 'Italian',
    words: 'il lo gli della che e di non un una mio mia sono ho per con da questo molto dolore grazie'.split(
      ' ',
    ),
  },
  pl: {
    name: 'Polish',
    words: 'nie jest i w na z sie mam to ze do moj moja jak ale bardzo od boli'.split(' '),
  },
  nl: {
    name: 'Dutch',
    words: 'de het een en is ik niet van mijn heb met op voor dat zijn pijn ook maar'.split(' '),
  },
  so: {
    name: 'Somali',
    words: 'waxaan iyo waa ku ka ma aan waxay xanuun leeyahay hooyo aabo caafimaad'.split(' '),
  },
  sw: {
    name: 'Swahili',
    words: 'na ya wa kwa ni mimi yangu nina sana hii maumivu tafadhali asante'.split(' '),
  },
  tr: { name: 'Turkish', words: 've bir bu ben benim cok icin ile var yok agri doktor tesekkur'.split(' ') },
};

const SUPPORTED = new Set(['en', 'es', 'pt', 'fr', 'vi', 'tl', 'ht', 'zh', 'ko', 'ru', 'ar']);
/** word -> languages whose profile lists it */
const WORD_LANGUAGES = new Map<string, string[]>();
for (const [code, profile] of Object.entries(PROFILES)) {
  for (const w of profile.words) WORD_LANGUAGES.set(w, [...(WORD_LANGUAGES.get(w) ?? []), code]);
}
const VIETNAMESE_MARKS = /[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi;

export function isSupportedLanguage(code: string): boolean {
  return SUPPORTED.has(code);
}

export function detectLanguage(original: string, folded: string): DetectedLanguage {
  const sample = original.length > 4000 ? original.slice(0, 4000) : original;
  const counts = new Map<string, number>();
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x1e00 && c <= 0x1eff)
    ) {
      latin++;
      continue;
    }
    const script = SCRIPTS.find((s) => c >= s.from && c <= s.to);
    if (script) counts.set(script.code, (counts.get(script.code) ?? 0) + 1);
  }
  let best: ScriptRange | undefined;
  let bestCount = 0;
  for (const s of SCRIPTS) {
    const n = counts.get(s.code) ?? 0;
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  // Scripts with few letters per word (Han, Hangul) outweigh Latin at a lower count.
  const weight = best && (best.code === 'zh' || best.code === 'ja' || best.code === 'ko') ? 3 : 1;
  if (best && bestCount * weight >= latin) return refineScript(best, counts, sample);
  if (latin === 0) return { code: 'und', name: 'unknown' };
  return detectLatin(sample, folded.length > 4000 ? folded.slice(0, 4000) : folded);
}

function refineScript(best: ScriptRange, counts: Map<string, number>, sample: string): DetectedLanguage {
  if (best.code === 'zh' && (counts.get('ja') ?? 0) > 0) return { code: 'ja', name: 'Japanese' };
  if (best.code === 'ru' && /[іїєґ]/i.test(sample)) return { code: 'uk', name: 'Ukrainian' };
  if (best.code === 'ar') {
    if (/[ےٹڈڑںھ]/.test(sample)) return { code: 'ur', name: 'Urdu' };
    if (/[پچژگکی]/.test(sample)) return { code: 'fa', name: 'Persian' };
  }
  return { code: best.code, name: best.name };
}

function detectLatin(original: string, folded: string): DetectedLanguage {
  if ((original.match(VIETNAMESE_MARKS) ?? []).length >= 2) {
    return { code: 'vi', name: 'Vietnamese' };
  }
  const words = folded.match(/[a-z']+/g) ?? [];
  const scores = new Map<string, number>();
  for (const w of words) {
    for (const code of WORD_LANGUAGES.get(w) ?? []) scores.set(code, (scores.get(code) ?? 0) + 1);
  }
  let code = 'en';
  let top = scores.get('en') ?? 0;
  // Ties go to the fully read languages (English, then Spanish): they are checked first.
  const es = scores.get('es') ?? 0;
  if (es > top) [code, top] = ['es', es];
  for (const [c, n] of scores) {
    if (n > top) {
      code = c;
      top = n;
    }
  }
  // An unsupported language must clearly beat English before we say nobody here can read it.
  if (!SUPPORTED.has(code) && (top < 2 || top < (scores.get('en') ?? 0) * 1.5)) code = 'en';
  return { code, name: PROFILES[code].name };
}
