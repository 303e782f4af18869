import type { IdentifierSpan } from '../types';
import { anyCase, extendAddress } from './address-continuation';
import {
  CITY_STATE_ZIP,
  DIRECTION,
  FUSED_SUFFIX,
  LOWER_WORD,
  NAME_WORD,
  PREFIX_TYPE,
  STREET_WORD,
  STRONG_SUFFIX,
  SUFFIX,
  TRAILING_TYPE,
  UNIT,
  WORD,
} from './address-words';

export { STREET_ABBREVIATIONS } from './address-words';

// Every pattern starts where a word starts, so a long run of letters or digits is tried once, not once
// per character (which would make a 100 KB text quadratic).
const START = String.raw`(?<![\p{L}\p{N}\p{M}'.-])`;
const HOUSE = String.raw`(?<![\p{L}\p{N}])\d{1,6}[A-Za-z]?(?:[ \t]\d{1,5})?`;
// "on" and "at" alone would take "I'm on Metformin 500" for a street; they only introduce a house number.
const PLACE_CUE = String.raw`(?:address(?:\s+is)?|located\s+(?:at|on)|moved\s+to|sent\s+to|send\s+it\s+to|return\s+to|lives?\s+(?:at|on)|living\s+(?:at|on)|station\s+is\s+on|enter\s+on|vivo\s+en|vive\s+en|direcci[oó]n(?:\s+es)?)\s{0,3}:?\s{0,3}`;
const NUMBER_CUE = String.raw`(?:at|on|to|in|${PLACE_CUE})\s{0,3}`;
// "on 12 March", "at 10 PM", "in 2 Weeks": a number and a capitalized word that are no street.
const NOT_A_STREET_WORD = String.raw`(?:AM|PM|A\.M|P\.M|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Week|Day|Month|Year|Hour|Minute|Times?|Tablets?|Pills?|Units?|Mg)`;
const LINE_END = String.raw`(?=[ \t]*(?:$|\n|,|;|\.(?:\s|$)|[ \t](?:apt|suite|unit|#)))`;

const ADDRESS_PATTERNS: RegExp[] = [
  // 123 Main St, Apt 4, Springfield, IL 62704
  new RegExp(
    String.raw`${HOUSE}(?:[ \t]{1,2}${NAME_WORD}){1,4}?[ \t]{1,2}${anyCase(SUFFIX)}(?![\p{L}])${DIRECTION}${anyCase(UNIT)}${CITY_STATE_ZIP}`,
    'gu',
  ),
  // 123 main street (in lower case: only full street words, and no everyday words before them).
  // Case-folded piece by piece, not with the i flag, which would let \p{Lu} in the city part match any word.
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{2,6}(?:[ \t]\d{1,5})?(?:[ \t]{1,2}${anyCase(LOWER_WORD)}){1,3}?[ \t]{1,2}${anyCase(STRONG_SUFFIX)}(?![\p{L}])${DIRECTION}${anyCase(UNIT)}${CITY_STATE_ZIP}`,
    'gu',
  ),
  // 6750 Koskikatu 25, Hauptstraße 5 (a number before or after: "Katie" and "Daniela" end like streets)
  new RegExp(
    String.raw`${START}(?:${HOUSE}[ \t]{1,2}(?:${WORD}[ \t]{1,2}){0,2}?(?<![\p{L}])\p{Lu}${FUSED_SUFFIX}(?![\p{L}])(?:[ \t]{1,2}\d{1,5}[A-Za-z]?\.?)?|(?:${WORD}[ \t]{1,2}){0,2}?(?<![\p{L}])\p{Lu}${FUSED_SUFFIX}(?![\p{L}])[ \t]{1,2}\d{1,5}[A-Za-z]?\.?)${UNIT}`,
    'gu',
  ),
  // 2224 Trenerys gate 232, Hegyalja út 98
  new RegExp(
    String.raw`${START}(?:${HOUSE}[ \t]{1,2})?(?:\p{Lu}[\p{L}\p{M}'.-]*[ \t]{1,2}){1,3}${TRAILING_TYPE}[ \t]{1,2}\d{1,5}[A-Za-z]?\.?`,
    'gu',
  ),
  // Calle Reforma 123, Rue de la Paix 5, 636 Rue de la Gare
  new RegExp(
    String.raw`(?<![\p{L}])(?:\d{1,6}(?:[ \t]\d{1,5})?[ \t]{1,2})?${PREFIX_TYPE}(?:[ \t]{1,2}${WORD}){1,5}?(?:,?[ \t]{1,2}#?\d{1,6}[A-Za-z]?(?![\p{N}])|(?=[ \t]*(?:\n|,|$)))${UNIT}`,
    'giu',
  ),
  // "lives at 9816 Pavlou Drandaki", "is on Peter Zuidhove 188": a place word before the street
  new RegExp(
    String.raw`(?<=\b${NUMBER_CUE})\d{1,6}(?:[ \t]\d{1,5})?(?:[ \t]{1,2}(?!${NOT_A_STREET_WORD})${NAME_WORD}){1,4}|(?<=\b${PLACE_CUE})(?:\p{Lu}[\p{L}\p{M}'.-]*[ \t]{1,2}){1,3}\d{1,5}[A-Za-z]?(?![\p{N}]|\s*(?:mg|mcg|ml|pm|am)\b)`,
    'gu',
  ),
  // 5638 Aasa 43 (house number, name, number, then the line ends)
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{3,6}(?:[ \t]{1,2}\p{Lu}[\p{L}\p{M}'.-]*){1,3}[ \t]{1,2}\d{1,5}${LINE_END}`,
    'gu',
  ),
  // Oak Street, Tarsicio Isle Street (no number: still a place smaller than a state)
  new RegExp(String.raw`(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}'.-]*[ \t]){1,3}${STREET_WORD}(?![\p{L}])`, 'gu'),
  // the corner of Bygget 64 and Komel Club
  /(?<![\p{L}])(?:the\s)?corner\s+of\s+(?:[\p{L}\p{N}.'-]+\s){1,4}(?:and|&|y)\s+[\p{L}\p{N}.'-]+(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.'-]*){0,3}/giu,
  // Suite 913, Apt. 762 on their own
  new RegExp(
    String.raw`(?<![\p{L}])(?:Apt\.?|Apartment|Suite|Ste\.?|Unit)[ \t]{1,2}#?\d{1,5}[A-Za-z]?(?![\p{L}\p{N}])`,
    'gu',
  ),
  // P.O. Box 123, Apartado Postal 45, PSC 5217, Box 9168, USNS Bergman / FPO AP 93757
  /(?<![\p{L}])(?:p\.?\s?o\.?\s?box|post\s+office\s+box|apartado(?:\s+postal)?|(?:psc|unit|cmr)\s\d{1,5},?\s(?:box|bx)|box)\s{1,2}#?\d{1,6}|(?<![\p{L}])(?:(?:usns|usnv|uss|uscgc)\s\p{L}+\s{0,3}\n?\s{0,3})?(?:apo|fpo|dpo)\s(?:aa|ae|ap)\s\d{5}/giu,
  // ZIP: 75534-030, código postal 28001
  /(?<=\b(?:zip|zip\s+code|postal\s+code|postcode|c[oó]digo\s+postal|c\.?p\.)\s{0,2}(?:is|es|:|#)?\s{0,2})[A-Z0-9]{2,6}(?:[ -][A-Z0-9]{2,4})?(?![\p{L}\p{N}])/giu,
];

export function detectAddresses(text: string, isEverydayWord: (word: string) => boolean): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const pattern of ADDRESS_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const street = m[0].replace(/[\s,-]+$/, '');
      const end = extendAddress(text, m.index + street.length, isEverydayWord);
      // A final period ends the sentence, unless it closes an abbreviation ("St.", "u.").
      const value = text
        .slice(m.index, end)
        .replace(/[\s,-]+$/, '')
        .replace(
          /(?<!(?:^|[^\p{L}])(?:st|ave|av|apt|blvd|rd|dr|ln|ct|ste|fl|no|ul|str|sq|pl|\p{L}))\.$/iu,
          '',
        );
      spans.push({ type: 'ADDRESS', start: m.index, end: m.index + value.length, value });
    }
  }
  return spans;
}
