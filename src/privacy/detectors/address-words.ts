/** Street words of the languages patients write in, as regular-expression fragments. */

/** Street-type words and their abbreviations, both ways, for matching a known address loosely. */
export const STREET_ABBREVIATIONS: Record<string, string> = {
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  avda: 'avenida',
  rd: 'road',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  ct: 'court',
  pl: 'place',
  ter: 'terrace',
  pkwy: 'parkway',
  hwy: 'highway',
  cir: 'circle',
  trl: 'trail',
  sq: 'square',
  hts: 'heights',
  apt: 'apartment',
  ste: 'suite',
  fl: 'floor',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  ne: 'northeast',
  nw: 'northwest',
  se: 'southeast',
  sw: 'southwest',
  mt: 'mount',
  ft: 'fort',
  c: 'calle',
  depto: 'departamento',
  no: 'number',
};

export const SUFFIX = String.raw`(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|trail|trl|square|sq|loop|row|path|pike|alley|crescent|close|grove|plaza|point|ridge|run|heights|hts|expressway|freeway|route|rte)\.?`;
export const DIRECTION = String.raw`(?:\s{1,2}(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?)?`;
export const UNIT = String.raw`(?:,?\s{1,2}(?:apt\.?|apartment|suite|ste\.?|unit|#|fl\.?|floor|room|rm\.?|piso|depto\.?|departamento|int\.?|interior|no\.?)\s{0,2}#?\s{0,2}[\p{L}\p{N}-]{1,6})?`;
// A period only inside a short abbreviation ("St. Paul"): after "Springfield." the sentence goes on.
const CITY_WORD = String.raw`(?:\p{Lu}\p{Ll}{0,2}\.\s)?\p{Lu}[\p{L}'-]*`;
export const CITY_STATE_ZIP = String.raw`(?:,\s{0,2}${CITY_WORD}(?:\s${CITY_WORD}){0,3}(?:,\s{0,2}|\s{1,2})(?:[A-Z]{2}|\p{Lu}\p{L}+)(?:\s{1,2}\d{5}(?:-\d{4})?)?)?`;
export const WORD = String.raw`[\p{L}\p{N}'.-]+`;
export const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'.-]*|\d{1,3}(?:st|nd|rd|th)|[NSEW]\.?)`;
export const LOWER_WORD = String.raw`(?!(?:the|a|an|of|on|to|in|and|or|my|for|at|down|up|per|more|less|days?|times?|weeks?|hours?|mg|pills?|tablets?)\b)[\p{L}'.-]+`;
export const STRONG_SUFFIX = String.raw`(?:street|st\.|avenue|ave\.?|road|boulevard|blvd\.?|drive|lane|court|terrace|parkway|highway|circle)`;
// Street names that end in a local street word ("Koskikatu", "Hauptstraße", "Drottninggatan").
export const FUSED_SUFFIX = String.raw`\p{L}*(?:stra(?:ss|ß)e|str\.|gasse|weg|platz|allee|gatan|gata|v[aä]gen|katu|kuja|tie|vej|veien|vegen|gade|laan|straat|gracht|hove|utca|ulica|cesta|iela|gatve|ulice|sokak|caddesi|stræti|braut|vegur)`;
// Street words written apart after the name: "Trenerys gate 232", "Hegyalja út 98", "Kálmán Imre u. 12".
export const TRAILING_TYPE = String.raw`(?:gate|gata|gatan|vej|vei|veien|straat|laan|weg|gasse|út|ut|utca|u\.|tér|ter|ulica|ul\.|cesta|sokak|caddesi|street|str\.)`;
export const PREFIX_TYPE = String.raw`(?:calle|c\/|avenida|avda\.?|av\.|carrera|cra\.?|carretera|camino|paseo|pasaje|callej[oó]n|privada|rue|via|viale|vicolo|piazza|piazzale|corso|largo|rua|travessa|pra[cç]a|carrer|rambla|ronda|ul\.|ulica|aleja|plac|trg|strada|boulevard)`;
// Full street-type words, enough to call "Oak Street" an address without a house number.
export const STREET_WORD = String.raw`(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court|Terrace|Parkway|Highway|Square|Crescent)`;
