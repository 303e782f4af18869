import type { LanguagePack } from './types';

/* Portuguese, folded (no accents). */
export const pt: LanguagePack = {
  code: 'pt',
  name: 'Portuguese',
  latin: true,
  concepts: {
    chest_pain: [
      `(?:dor|aperto|pressao|peso|queimacao) (?:no|em meu|no meu) peito|peito~(?:doendo|apertado|doi)|dor toracica`,
    ],
    breathing_severe: [`nao (?:consigo|consegue|conseguia) respirar|sem ar|sufocando|falta muito ar`],
    cyanosis: [`labios (?:roxos|azulados)|ficando roxo`],
    stroke_face: [`(?:boca|rosto|cara) (?:torta|caido|caida|torto)`],
    stroke_speech: [`fala (?:enrolada|arrastada)|falando (?:enrolado|embolado|estranho)|nao consegue falar`],
    stroke_weakness: [
      `fraqueza (?:de|em) um lado|nao (?:consegue|consigo) (?:mexer|levantar) o (?:braco|perna)|(?:braco|perna) (?:dormente|fraco|fraca)~(?:direit\\w*|esquerd\\w*)`,
    ],
    stroke: [`(?:tendo|teve|esta tendo|acho que (?:e|esta tendo)) (?:um )?(?:derrame|avc)`],
    throat_swelling: [`(?:garganta|lingua) (?:fechando|inchada)`],
    suicide_plan: [`me matar|suicid\\w*|tirar (?:a )?minha vida|acabar com tudo`],
    passive_si: [`nao quero mais viver|queria morrer`],
    bleeding_heavy: [
      `sangr(?:ando|a|ou) (?:muito|demais|sem parar)|sangramento (?:que nao para|forte|intenso)|muito sangue|hemorragia`,
    ],
    vomit_blood: [`vomit\\w* sangue`],
    black_stool: [`fezes (?:pretas|com sangue)|coco preto`],
    worst_headache: [`pior dor de cabeca`],
    fainting: [`desmai\\w*|perdeu (?:a )?(?:consciencia|os sentidos)|perdi (?:a )?consciencia`],
    confusion: [`confus[oa]|desorientad[oa]|nao (?:reconhece|sabe onde esta)`],
    unresponsive: [`nao (?:responde|respira|acorda)|desacordad[oa]`],
    seizure: [`convuls\\w*|ataque epileptico`],
    overdose: [
      `tomou (?:os |as |uns |umas |muitos |muitas )?(?:remedios|comprimidos|pilulas)|(?:uns |umas )?\\d{2} comprimidos|engoliu|overdose|envenenad\\w*|intoxica\\w*|tomou (?:muitos|todos os) comprimidos`,
    ],
    fetal_movement: [`bebe (?:nao (?:se )?mexe|parou de (?:se )?mexer)|nao sinto o bebe`],
    heart_attack: [`(?:tendo|ter) um (?:infarto|ataque cardiaco)`],
    sob: [`falta de ar`],
    fever: [`febre`],
    stiff_neck: [
      `(?:pescoco|nuca)~(?:dur[oa]|rigid[oa]|travad[oa]|endurecid[oa])|rigidez (?:no|de|na) (?:pescoco|nuca)`,
    ],
    dysuria: [`(?:dor|ardor|ardencia|arde) (?:ao|quando) (?:urinar|faco xixi)|infeccao urinaria`],
    mild_symptom: [`\\bdor\\b|tosse|gripe|resfriado|tontura`],
    refill: [`receita`],
    scheduling: [`consulta|marcar|remarcar|agendar`],
    billing: [`conta|pagamento|plano de saude|fatura`],
    thanks: [`obrigad[oa]`],
    pregnant: [`gravida|gestante|gravidez`],
  },
  context: { negationPre: [`nao|sem|nunca|nenhum\\w*`], termination: [`mas|porem`] },
};
