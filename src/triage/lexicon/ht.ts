import type { LanguagePack } from './types';

/* Haitian Creole, folded (no accents). */
export const ht: LanguagePack = {
  code: 'ht',
  name: 'Haitian Creole',
  latin: true,
  concepts: {
    chest_pain: [
      `doule (?:nan|nan zo) (?:lestomak|pwatrin)|(?:lestomak|pwatrin) (?:mwen |li )?(?:ap fe (?:m|mwen|l|li) mal|sere|ap bouke)`,
    ],
    breathing_severe: [
      `pa ka (?:respire|pran souf)|(?:m|mwen|li) pa ka respire|pa kapab respire|(?:m|mwen) ap toufe|toufe`,
    ],
    stroke_face: [`(?:bouch|figi) (?:li |mwen )?(?:kwochi|de trave|tonbe)`],
    stroke_speech: [`pa ka pale|pale (?:difisil|mal|tankou moun sou)`],
    stroke_weakness: [
      `(?:yon )?bo (?:ko|kote) (?:li |mwen )?(?:paralize|mouri|fe bet|fèb|feb)|pa ka leve (?:bra|pye) (?:li|mwen)|paralize`,
    ],
    stroke: [`konjesyon serebral|atak serebral|estwok`],
    throat_swelling: [`(?:goj|gorj|lang) (?:li |mwen )?anfle`],
    suicide_plan: [`touye tet (?:mwen|m|li)|swisid`],
    passive_si: [`(?:m|mwen) vle mouri|pa vle viv anko`],
    bleeding_heavy: [`senyen anpil|san (?:an )?pa (?:vle )?sispann`],
    vomit_blood: [`vomi san`],
    black_stool: [`poupou nwa|san nan poupou`],
    fainting: [`endispoze|pedi konesans|tonbe san konesans`],
    confusion: [`konfizyon|pa rekonet|tet (?:li )?pa la`],
    unresponsive: [`pa reponn|pa respire`],
    seizure: [`kriz|konvilsyon|malkadi`],
    overdose: [`pran twop (?:grenn|medikaman)|anpwazonnen`],
    fetal_movement: [`(?:ti )?bebe a pa (?:bouje|brase|fe mouvman)`],
    sob: [`kout souf|souf kout|souf (?:mwen )?kout`],
    stiff_neck: [`kou (?:li |mwen )?(?:rèd|red|di|bloke)`],
    fever: [`lafyev|\\bfyev\\b|\\bfyev\\w*`],
    mild_symptom: [`doule|fe mal|touse|grip`],
    refill: [`preskripsyon|renmen medikaman`],
    scheduling: [`randevou`],
    billing: [`fakti|asirans|peye`],
    thanks: [`mesi`],
    pregnant: [`ansent`],
  },
  context: { negationPre: [`pa gen|pa t|pa`] },
};
