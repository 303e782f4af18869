import type { LanguagePack } from './types';

/* French, folded (no accents). */
export const fr: LanguagePack = {
  code: 'fr',
  name: 'French',
  latin: true,
  concepts: {
    chest_pain: [
      `(?:douleur|mal|oppression|serrement|pression) (?:a|a la|dans la|au niveau de la|dans ma) poitrine|poitrine~(?:serree|douloureuse|me fait mal)|douleurs? thoraciques?|(?:douleurs?|mal) (?:dans|a) (?:la|ma) poitrine~(?:bras|machoire|dos)|(?:poitrine|thorax)~(?:serre|ecrase|compresse|lourd)`,
    ],
    breathing_severe: [
      `(?:n'?arrive|n'?arrivais|ne peux|ne peut|peux) (?:pas|plus) (?:a )?respirer|j'?etouffe|suffoque`,
    ],
    cyanosis: [`levres~(?:bleues|violettes|grises|bleutees)|(?:visage|peau)~(?:bleu|bleue|violet|gris)\\b`],
    stroke_face: [`(?:visage|bouche) (?:affaisse\\w*|tombant\\w*|de travers|deform\\w*)`],
    stroke_speech: [
      `(?:parle|parler) (?:bizarrement|difficilement|mal)|difficulte a parler|bouillie|ne peut plus parler`,
    ],
    stroke_weakness: [
      `faiblesse (?:d'?un|du) cote|(?:ne peut|n'?arrive) plus (?:bouger|lever) (?:le|son) (?:bras|jambe)|paralys\\w* (?:d'?un|du) cote|engourdi\\w* d'?un cote`,
    ],
    stroke: [`\\bavc\\b|attaque cerebrale`],
    throat_swelling: [`(?:gorge|langue) (?:gonflee|qui (?:se )?ferme|serree|enflee)`],
    suicide_plan: [`me suicider|me tuer|en finir|mettre fin a mes jours`],
    passive_si: [`plus envie de vivre|envie de mourir|idees noires`],
    bleeding_heavy: [
      `saign\\w* (?:beaucoup|abondamment)|saignement (?:qui ne s'?arrete pas|abondant)|hemorragie`,
    ],
    vomit_blood: [`vomi\\w* du sang`],
    black_stool: [`selles noires|sang dans les selles`],
    worst_headache: [`pire mal de tete|mal de tete (?:violent|brutal|soudain)`],
    fainting: [`evanoui\\w*|perdu connaissance|perte de connaissance`],
    confusion: [`confuse?\\b|desoriente\\w*`],
    unresponsive: [`ne (?:repond|respire) plus|inconscient\\w*`],
    seizure: [`convulsion\\w*|crise d'?epilepsie`],
    overdose: [
      `(?:a|j'ai|il a|elle a) (?:avale|pris) (?:des|les|tous les|toutes les|plein de|beaucoup de|une boite de) (?:medicaments|comprimes|pilules|cachets)|surdose|overdose|empoisonn\\w*|intoxication`,
    ],
    fetal_movement: [`bebe ne bouge plus|ne sens plus (?:le |mon )?bebe`],
    heart_attack: [`crise cardiaque|infarctus`],
    sob: [`essouffl\\w*|du mal a respirer|souffle court`],
    fever: [`fievre`],
    stiff_neck: [`(?:nuque|cou)~(?:raide|bloque\\w*|rigide)|raideur (?:de la |dans la |a la )?nuque`],
    dysuria: [`(?:brulure|douleur|mal) (?:en|quand) (?:urinant|j'?urine)|infection urinaire`],
    mild_symptom: [`douleur|\\btoux\\b|rhume|grippe|vertige`],
    refill: [`ordonnance|renouvel\\w*`],
    scheduling: [`rendez-?vous|\\brdv\\b|annuler`],
    billing: [`facture|assurance|paiement|mutuelle`],
    thanks: [`merci`],
    pregnant: [`enceinte|grossesse`],
  },
  context: { negationPre: [`pas|sans|jamais|aucun\\w*|ni|non`], termination: [`mais`] },
};
