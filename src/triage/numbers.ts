/**
 * Numbers patients report, read against the rubric's thresholds: temperature (F or C), blood
 * pressure, glucose (with meter HI/LO handled by the lexicon), heart rate, oxygen saturation, ages,
 * weeks of pregnancy and doses taken.
 */
export interface Reading {
  value: number;
  start: number;
  end: number;
}

export interface Vitals {
  /** Highest temperature, converted to Fahrenheit. */
  tempF?: Reading;
  bp: { systolic: number; diastolic: number; start: number; end: number }[];
  glucose: Reading[];
  heartRate: Reading[];
  spo2: Reading[];
  /** Youngest age mentioned, in days. */
  youngestAgeDays?: Reading;
  pregnancyWeeks?: Reading;
  /** Serum potassium, when a lab value is quoted. */
  potassium?: Reading;
  /** Home or lab INR (warfarin), the highest one mentioned. */
  inr?: Reading;
  /** Largest count of doses taken at once. */
  dosesTaken?: Reading;
}

const NUM = '(\\d{1,3}(?:[.,]\\d{1,2})?)';
const TEMP_CONTEXT =
  /(?:temp\w*|fever\w*|febre|fiebre|fievre|temperatura|temperature|lafyev|fyev|\bsot\b|lagnat|thermometer|rectal|oral|armpit|ear temp|forehead|read|reading|hit|spiked?|running|حرارة|حمى|sot|fievre|发烧|發燒|发热|發熱|体温|體溫|열|температур)[^\d\n.!?;]{0,40}$/;
const TEMP_UNIT_AFTER =
  /^\s*(?:°|º|˚|degrees?|deg\b|grados|degres|度|도|do\b|f\b|c\b|rectal|orally|fever|fiebre|(?:de |of )(?:temperatura|temp\w*|fiebre|calentura|fievre|febre))/;
/** Money, weights and lab values that could otherwise look like a bare temperature. */
const NOT_TEMP_BEFORE =
  /(?:\$|usd|weigh\w*|weight|peso|pesa|lbs?|kg|sugar|glucose|azucar|a1c|ldl|hdl|cholesterol|colesterol|triglycer\w*|psa|tsh|inr|potassium|sodium|creatinine|bmi|score|level|#|no\.|number|account|invoice|balance|paid|owe|cost|bill)[^\d\n]{0,20}$/;
const BP_RX = /(?<![\d/.])(\d{2,3})'?s?\s*(?:\/|over)\s*(\d{2,3})(?:'?s\b)?(?![\d/])/g;
const GLUCOSE_CONTEXT =
  /(?:sugars?|glucose|\bbg\b|\bbs\b|azucar|glucosa|meter|glucometer|fasting|\bcgm\b|dexcom|libre|glucometro|medidor|aparat(?:o|ito) (?:dice|marca|marco|salio)|血糖|혈당|сахар)[^\n.;]{0,40}$/;
// "HR" is also Human Resources ("the deadline HR gave me is the 30th"): as a heart rate it sits right
// before its number.
const HR_CONTEXT =
  /(?:heart ?rate|pulse(?! ?ox)|pulso|frecuencia cardiaca|resting)[^\d\n]{0,20}$|\bhr\b[\s:=,-]*(?:(?:is|was|of|at|around|about|went to|up to)\s*)?$/;
const SPO2_CONTEXT =
  /(?:\bo2\b|oxygen|\bsats?\b|spo2|pulse ?ox\w*|oximeter|saturation|oxigeno|saturacion)[^\d\n]{0,20}$/;
const NUMBER_RX = new RegExp(`(?<![\\d.,/])${NUM}(?![\\d])`, 'g');

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
};

const AGE_RX =
  /\((\d{1,2})\s*(days?|d|weeks?|wks?|w|months?|mos?)\)|\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)[\s-]*(days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|y)[\s-]*old\b|\b(\d{1,3})\s*(?:yo|y\/o|y\.o\.)\b|\b(?:is|turned|turns|aged?|shes|hes|she's|he's|baby's)\s+(\d{1,2})\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b|(?<!\b(?:hace|desde hace|por|durante|en|hacia|despues de|antes de|llevo|lleva)\s+(?:(?:como|unos|mas de|casi)\s+)?)\b(\d{1,3})\s*(?:tuoi|anos|ans)\b(?!\s+(?:atras|de (?:casad|edad de|diagnostic)))|(\d{1,3})\s*(?:岁|歲|세)|\b(newborn|recien nacido|neonate)\b/g;

const POTASSIUM_RX = /\bpotassium\b[^\d\n.!?]{0,25}(\d(?:\.\d{1,2})?)/g;
const INR_RX = /\binr\b[^\d\n]{0,20}(\d{1,2}(?:\.\d{1,2})?)/g;
const PREGNANCY_HINT = /preg|embaraz|seman|weeks|wks|\bmos?\b|months?|tuan|怀孕|懷孕/;
const PREGNANCY_RX =
  /(?:mang thai|co thai|thai)\s*(\d{1,2})\s*tuan|(?:怀孕|懷孕)\s*(\d{1,2})\s*(?:周|週)|\b([1-9])\s*(?:months?|mos?)\s*pregnant|\btengo\s+(\d{1,2})\s*semanas\b(?!\s*(?:con|de (?:tos|fiebre|dolor)))|\b(?:i'?m|i am|im|she'?s|she is)\s+(\d{1,2})\s*(?:weeks|wks)\b(?!\s*(?:post|after|ago|out|since|of|left))|\b(\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w|semanas)\s*(?:pregnant|along|gestation|de embarazo|embarazada|preg\b|pg\b)|\b(?:pregnant|embarazada)\s*(?:with \w+ )?(?:at |,|and |de )?(\d{1,2})\s*(?:weeks?|wks?|semanas)|(?:^|[,.;:!?(]\s*|\bat\s+)([1-4]\d)\s*(?:\+\s*\d\s*)?(?:wks?|weeks?|semanas)\s*(?=[,.;:!?)]|$|\s+(?:today|tomorrow|now|hoy|manana|and|y|with baby)\b)/g;

const DOSES_RX =
  /\btook\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?'?\s*(?:worth\s*)?(?:of\s*)?)?(?:doses|days'? worth)\b|\b(\d{1,2}|two|three|four|five|six|seven)\s+doses\s+of\b[^.\n]{0,60}\b(?:at once|all at once|this morning|together)/g;

function parseNumber(raw: string): number {
  const word = WORD_NUMBERS[raw];
  if (word !== undefined) return word;
  return Number(raw.replace(',', '.'));
}

function daysFor(n: number, unit: string): number {
  if (/^(?:d|day|days|dias)$/.test(unit)) return n;
  if (/^(?:w|wk|wks|week|weeks|semanas)$/.test(unit)) return n * 7;
  if (/^(?:mo|mos|mth|mths|month|months|meses)$/.test(unit)) return n * 30.4;
  return n * 365;
}

function readTemperature(folded: string, value: number, start: number, end: number): number | undefined {
  const before = folded.slice(Math.max(0, start - 40), start);
  const after = folded.slice(end, end + 12);
  const hasUnit = TEMP_UNIT_AFTER.test(after);
  if (!hasUnit && !TEMP_CONTEXT.test(before)) {
    // A bare reading with a decimal in the body-temperature band ("baby is 7 wks, 100.6", "38,5") is
    // a temperature: 37.8-42.5 is Celsius, 99.5-107 Fahrenheit. Money, weights and labs are excluded.
    const raw = folded.slice(start, end);
    const decimal = /[.,]\d/.test(raw);
    const band = (value >= 99.5 && value <= 107) || (value >= 37.8 && value <= 42.5);
    if (!decimal || !band || NOT_TEMP_BEFORE.test(before) || /^\s*(?:usd|dollars|\$|%)/.test(after))
      return undefined;
  }
  // A stated scale is believed: "40F" is an age and sex ("Hi, 40F."), never 40 C read as 104 F.
  const scale = /^\s*(?:°|º|˚|degrees?|deg\b)?\s*([fc])\b/.exec(after)?.[1];
  if (value >= 95 && value <= 110 && scale !== 'c') return value;
  if (value >= 34 && value <= 43.5 && scale !== 'f') return value * 1.8 + 32;
  return undefined;
}

export function readVitals(folded: string): Vitals {
  const vitals: Vitals = { bp: [], glucose: [], heartRate: [], spo2: [] };
  const bpSpans: [number, number][] = [];
  for (const m of folded.matchAll(BP_RX)) {
    const s = Number(m[1]);
    const d = Number(m[2]);
    if (s >= 60 && s <= 280 && d >= 30 && d <= 180 && s > d) {
      const start = m.index;
      vitals.bp.push({ systolic: s, diastolic: d, start, end: start + m[0].length });
      bpSpans.push([start, start + m[0].length]);
    }
  }
  for (const m of folded.matchAll(NUMBER_RX)) {
    const start = m.index;
    const end = start + m[0].length;
    if (bpSpans.some(([a, b]) => start >= a && end <= b)) continue;
    const value = parseNumber(m[1]);
    const after = folded.slice(end, end + 8);
    if (
      /^\s*(?:%\s*a1c|mg\b(?!\s*\/\s*dl)|mcg|units?\b|lbs?\b|pounds|kg\b|am\b|pm\b|:\d|years?|yrs?|months?|weeks?|days?|hours?|hrs?|min)/.test(
        after,
      )
    ) {
      continue;
    }
    const before = folded.slice(Math.max(0, start - 48), start);
    const temp = readTemperature(folded, value, start, end);
    if (temp !== undefined) {
      if (!vitals.tempF || temp > vitals.tempF.value) vitals.tempF = { value: temp, start, end };
      continue;
    }
    if (/a1c[^\d]{0,12}$/.test(before)) continue;
    if (GLUCOSE_CONTEXT.test(before) && value >= 20 && value <= 999 && Number.isInteger(value)) {
      vitals.glucose.push({ value, start, end });
    } else if (SPO2_CONTEXT.test(before) && value >= 50 && value <= 100) {
      vitals.spo2.push({ value, start, end });
    } else if ((HR_CONTEXT.test(before) || /^\s*bpm\b/.test(after)) && value >= 20 && value <= 250) {
      vitals.heartRate.push({ value, start, end });
    }
  }
  for (const m of folded.includes('potassium') ? folded.matchAll(POTASSIUM_RX) : []) {
    const value = Number(m[1]);
    if (value >= 1.5 && value <= 9) vitals.potassium = { value, start: m.index, end: m.index + m[0].length };
  }
  for (const m of folded.includes('inr') ? folded.matchAll(INR_RX) : []) {
    const value = Number(m[1]);
    if (value > 0 && value < 20 && (!vitals.inr || value > vitals.inr.value)) {
      vitals.inr = { value, start: m.index, end: m.index + m[0].length };
    }
  }
  readAges(folded, vitals);
  const mayNameWeeks = PREGNANCY_HINT.test(folded);
  for (const m of mayNameWeeks ? folded.matchAll(PREGNANCY_RX) : []) {
    // Months of pregnancy (third group) are converted to weeks.
    const weeks =
      m[3] !== undefined
        ? Math.round(Number(m[3]) * 4.3)
        : Number(m[1] ?? m[2] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? m[8]);
    // A bare "33 wks," stated as the writer's status is a gestational age only in the pregnancy range.
    if (m[8] !== undefined && (weeks < 12 || weeks > 42)) continue;
    if (weeks >= 3 && weeks <= 43)
      vitals.pregnancyWeeks = { value: weeks, start: m.index, end: m.index + m[0].length };
  }
  for (const m of folded.matchAll(DOSES_RX)) {
    const n = parseNumber(m[1] ?? m[2]);
    if (!vitals.dosesTaken || n > vitals.dosesTaken.value) {
      vitals.dosesTaken = { value: n, start: m.index, end: m.index + m[0].length };
    }
  }
  return vitals;
}

const AGE_HINT =
  /\(\d|月|周|週|天|주|개월|عمر|\bmois\b|semaine|\bjours?\b|\bold\b|\d\s*yo\b|y\/o|y\.o|\bmes(?:es)?\b|\bsemanas?\b|\bsemenn?\b|\bmwa\b|\bdias\b|\banos\b|tuoi|\bans\b|岁|歲|세|newborn|recien|neonat|infant|baby|bebe|nacid|\b(?:is|turned|turns|aged?|tiene|de|esta|shes|hes|she's|he's|baby's)\s+\d/;

const CJK_NUMERALS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/**
 * Ages written the way other languages write them; anchored to a child word or an age marker so a
 * duration ("fiebre de 2 dias", "这两天") is never read as an age.
 */
const OTHER_AGE_RX =
  /(\d{1,2}|[一二两兩三四五六七八九十]{1,2})\s*(?:个|個)?(月|周|週|星期|天)(?:大|的(?:宝宝|寶寶|孩子|婴儿|嬰兒))|(\d{1,2})\s*(주|개월)\s*(?:된|인|짜리|이에요|입니다|아기)|(\d{1,2})\s*(thang|tuan|ngay)\s*tuoi|\b(?:bebe|nin[oa]|hij[oa]|filh[oa]|enfant|fils|fille|nene|nena|baby|son|daughter)(?:\s+\w+){0,3}?\s+(?:de|tem|a|tiene|has|is|esta|con|gen|genyen)\s+(\d{1,2})\s*(mes(?:es)?|semanas?|semaines?|mois|jours?|dias|days?|weeks?|months?|semen|semenn|mwa|jou)\b|عمر\S*\s+(شهرين|شهر|اسبوعين|اسبوع)/g;

const OTHER_UNITS: Record<string, string> = {
  月: 'months',
  周: 'weeks',
  週: 'weeks',
  星期: 'weeks',
  天: 'days',
  주: 'weeks',
  개월: 'months',
  thang: 'months',
  tuan: 'weeks',
  ngay: 'days',
  mes: 'months',
  meses: 'months',
  mois: 'months',
  semana: 'weeks',
  semanas: 'weeks',
  semaine: 'weeks',
  semaines: 'weeks',
  jour: 'days',
  jours: 'days',
  dias: 'days',
  semen: 'weeks',
  semenn: 'weeks',
  mwa: 'months',
  jou: 'days',
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  month: 'months',
  months: 'months',
};
const ARABIC_AGES: Record<string, number> = { شهرين: 61, شهر: 30, اسبوعين: 14, اسبوع: 7 };

function otherAgeDays(m: RegExpMatchArray): number | undefined {
  const num = (raw: string): number =>
    CJK_NUMERALS[raw] ??
    (raw.length === 2 && raw[0] === '十' ? 10 + (CJK_NUMERALS[raw[1]] ?? 0) : Number(raw));
  if (m[1] !== undefined) return daysFor(num(m[1]), OTHER_UNITS[m[2]]);
  if (m[3] !== undefined) return daysFor(Number(m[3]), OTHER_UNITS[m[4]]);
  if (m[5] !== undefined) return daysFor(Number(m[5]), OTHER_UNITS[m[6]]);
  if (m[7] !== undefined) return daysFor(Number(m[7]), OTHER_UNITS[m[8]] ?? 'years');
  if (m[9] !== undefined) return ARABIC_AGES[m[9]];
  return undefined;
}

/** "infant 6 wks", "5 semanas de nacido": an age written without "old". */
const BARE_AGE_RX =
  /\b(?:infant|baby|newborn|bebe|son|daughter|grandson|granddaughter)\s*(?:is\s*)?,?\s*(\d{1,2})\s*(d|days?|wks?|weeks?|w|mos?|months?)\b(?!\s*(?:ago|pregnant|along|post))|\b(\d{1,2})\s*(dias|semanas|meses)\s+de\s+(?:nacid[oa]|vida)\b/g;

function readAges(folded: string, vitals: Vitals): void {
  if (!AGE_HINT.test(folded)) return;
  for (const m of folded.matchAll(BARE_AGE_RX)) {
    const days =
      m[1] !== undefined ? daysFor(Number(m[1]), m[2]) : daysFor(Number(m[3]), OTHER_UNITS[m[4]] ?? 'years');
    if (!Number.isFinite(days)) continue;
    if (!vitals.youngestAgeDays || days < vitals.youngestAgeDays.value) {
      vitals.youngestAgeDays = { value: days, start: m.index, end: m.index + m[0].length };
    }
  }
  for (const m of folded.matchAll(AGE_RX)) {
    let days: number | undefined;
    if (m[1] !== undefined) days = daysFor(Number(m[1]), m[2]);
    else if (m[3] !== undefined) days = daysFor(parseNumber(m[3]), m[4]);
    else if (m[5] !== undefined) days = Number(m[5]) * 365;
    else if (m[6] !== undefined) days = daysFor(Number(m[6]), m[7] ?? 'years');
    else if (m[8] !== undefined) days = Number(m[8]) * 365;
    else if (m[9] !== undefined) days = Number(m[9]) * 365;
    else if (m[10] !== undefined) days = 14;
    if (days === undefined || !Number.isFinite(days)) continue;
    if (!vitals.youngestAgeDays || days < vitals.youngestAgeDays.value) {
      vitals.youngestAgeDays = { value: days, start: m.index, end: m.index + m[0].length };
    }
  }
  for (const m of folded.matchAll(OTHER_AGE_RX)) {
    const days = otherAgeDays(m);
    if (days === undefined || !Number.isFinite(days)) continue;
    if (!vitals.youngestAgeDays || days < vitals.youngestAgeDays.value) {
      vitals.youngestAgeDays = { value: days, start: m.index, end: m.index + m[0].length };
    }
  }
}
