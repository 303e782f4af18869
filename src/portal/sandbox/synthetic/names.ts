/**
 * Name pools of varied backgrounds, with the share of each group's adults who prefer a language other
 * than English. All names are common first and family names; no real person is meant.
 */

export interface GivenName {
  name: string;
  nickname?: string;
}

export interface Background {
  key: string;
  weight: number;
  female: GivenName[];
  male: GivenName[];
  family: string[];
  /** ISO 639-1 language and the share of adults in this group who prefer it. */
  language?: { code: string; share: number };
}

const g = (list: string): GivenName[] =>
  list.split(',').map((entry) => {
    const [name, nickname] = entry.trim().split('/');
    return nickname ? { name: name!, nickname } : { name: name! };
  });
const f = (list: string): string[] => list.split(',').map((s) => s.trim());

export const BACKGROUNDS: Background[] = [
  {
    key: 'anglo',
    weight: 28,
    female: g(
      'Mary,Margaret/Peggy,Elizabeth/Liz,Jennifer/Jen,Sarah,Emily,Katherine/Kate,Susan/Sue,Patricia/Pat,Linda,Abigail/Abby,Olivia',
    ),
    male: g(
      'Robert/Bob,William/Bill,James/Jim,Michael/Mike,Thomas/Tom,Richard/Rick,Daniel/Dan,Christopher/Chris,Benjamin/Ben,Ethan,Noah,Henry',
    ),
    family: f("Smith,Johnson,Miller,Anderson,Thompson,Walsh,O'Brien,Campbell,Parker,Bennett,Hughes,Foster"),
  },
  {
    key: 'hispanic',
    weight: 27,
    female: g(
      'María José,Guadalupe/Lupe,Ana,Lucía,Carmen,Rosa,Alejandra/Ale,Sofía,Valeria,Ximena,Maribel,Yesenia',
    ),
    male: g(
      'José/Pepe,Francisco/Paco,Juan Carlos,Luis,Miguel,Alejandro/Alex,Jesús/Chuy,Mateo,Santiago,Diego,Rafael/Rafa,Héctor',
    ),
    family: f(
      'García,Hernández,López,Martínez,Rodríguez,González,Pérez,Ramírez,Flores,Torres,Castillo,Morales',
    ),
    language: { code: 'es', share: 0.55 },
  },
  {
    key: 'african-american',
    weight: 13,
    female: g('Aaliyah,Keisha,Tamika,Ebony,Jasmine/Jaz,Imani,Latoya,Denise'),
    male: g('DeShawn,Marcus,Jamal,Terrence/Terry,Darnell,Andre,Malik,Reginald/Reggie'),
    family: f('Washington,Jackson,Robinson,Harris,Coleman,Brooks,Jenkins,Freeman'),
  },
  {
    key: 'vietnamese',
    weight: 5,
    female: g('Linh,Thu,Lan,Mai,Ngoc,Hanh'),
    male: g('Minh,Tuan,Duc,Hung,Bao,Khoa'),
    family: f('Nguyen,Tran,Le,Pham,Hoang,Vo'),
    language: { code: 'vi', share: 0.35 },
  },
  {
    key: 'chinese',
    weight: 5,
    female: g('Mei,Xiu Ying,Li Na,Wen,Jing'),
    male: g('Wei,Jun,Hao,Zhi Peng,Lei'),
    family: f('Wang,Li,Zhang,Liu,Chen,Huang'),
    language: { code: 'zh', share: 0.3 },
  },
  {
    key: 'south-asian',
    weight: 6,
    female: g('Priya,Anjali,Sunita,Lakshmi,Deepa'),
    male: g('Rahul,Arjun,Vikram,Sanjay,Imran'),
    family: f('Patel,Sharma,Singh,Reddy,Khan,Iyer'),
    language: { code: 'hi', share: 0.1 },
  },
  {
    key: 'arabic',
    weight: 4,
    female: g('Fatima,Layla,Mariam,Noor'),
    male: g('Omar,Ahmed,Youssef,Khalid'),
    family: f('Haddad,Mansour,Khoury,Saleh,Nasser'),
    language: { code: 'ar', share: 0.3 },
  },
  {
    key: 'eastern-european',
    weight: 4,
    female: g('Olga,Natalia/Natasha,Anna,Katarzyna/Kasia'),
    male: g('Dmitri/Dima,Sergei,Piotr,Aleksander/Olek'),
    family: f('Nowak,Kowalczyk,Petrenko,Sokolov,Lewandowski'),
    language: { code: 'ru', share: 0.25 },
  },
  {
    key: 'korean',
    weight: 3,
    female: g('Ji-woo,Seo-yeon,Min-ji'),
    male: g('Min-jun,Ji-hoon,Hyun-woo'),
    family: f('Kim,Lee,Park,Choi,Jung'),
    language: { code: 'ko', share: 0.3 },
  },
  {
    key: 'filipino',
    weight: 3,
    female: g('Maricel,Rowena,Jocelyn/Joy'),
    male: g('Rodel,Jomar,Arnel'),
    family: f('Santos,Reyes,Cruz,Bautista,Dela Cruz'),
    language: { code: 'tl', share: 0.15 },
  },
  {
    key: 'west-african',
    weight: 2,
    female: g('Adaeze/Ada,Chiamaka,Abena'),
    male: g('Chinedu/Chi,Kwame,Oluwaseun/Seun'),
    family: f('Okafor,Mensah,Adeyemi,Okonkwo,Boateng'),
  },
];

export const STREETS = f(
  'Maple Ave,Oak St,Cedar Ln,Elm St,Lakeview Dr,Willow Way,Park Blvd,River Rd,Hillcrest Ave,Sunset Blvd,Birch Ct,Main St',
);
export const CITIES: { city: string; state: string; zip: string; area: string }[] = [
  { city: 'Springfield', state: 'IL', zip: '62704', area: '217' },
  { city: 'Riverton', state: 'IL', zip: '62561', area: '217' },
  { city: 'Chatham', state: 'IL', zip: '62629', area: '217' },
  { city: 'Decatur', state: 'IL', zip: '62521', area: '312' },
  { city: 'Rochester', state: 'IL', zip: '62563', area: '309' },
];
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
