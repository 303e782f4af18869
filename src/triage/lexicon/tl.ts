import type { LanguagePack } from './types';

/* Tagalog (often mixed with English, which the English pack already reads). */
export const tl: LanguagePack = {
  code: 'tl',
  name: 'Tagalog',
  latin: true,
  concepts: {
    chest_pain: [
      `(?:masakit|sumasakit|sakit|pananakit|paninikip|sumisikip|mabigat) (?:ang |sa |ng )?dibdib|dibdib~(?:masakit|sumasakit|sumisikip|naninikip)`,
    ],
    breathing_severe: [
      `hindi (?:ako |siya )?makahinga|di makahinga|hirap na hirap huminga|nalulunod sa hangin`,
    ],
    cyanosis: [`nangingitim ang labi|nagiging asul ang labi`],
    stroke_face: [
      `(?:tabingi|ngiwi|nakangiwi|baluktot) ang (?:mukha|bibig)|(?:mukha|bibig)~(?:tabingi|ngiwi|bumagsak)`,
    ],
    stroke_speech: [
      `hindi (?:makapagsalita|makapag-salita|makausap)`,
      `bulol|hindi (?:maintindihan|malinaw) (?:ang )?(?:salita|pagsasalita)|hirap magsalita|malabo magsalita`,
    ],
    stroke_weakness: [
      `(?:hindi )?(?:makagalaw|maigalaw|magalaw|maiangat|manhid|namamanhid|mahina|nanghihina|paralisado)~(?:ang )?(?:kalahati|isang (?:bahagi|side|panig)) ng (?:katawan|mukha)|(?:kalahati|isang bahagi|isang panig) ng (?:katawan|mukha)~(?:manhid|mahina|hindi (?:maigalaw|makagalaw|magalaw)|paralisado)|(?:nanghihina|namamanhid|paralisado) ang (?:kalahati|isang bahagi|kaliwa|kanan)|hindi (?:maigalaw|maiangat) ang (?:braso|kamay|binti)`,
    ],
    stroke: [`na-?stroke|inistroke`],
    throat_swelling: [`(?:namamaga|maga) ang (?:lalamunan|dila)|sumisikip ang lalamunan`],
    suicide_plan: [`magpakamatay|patayin ang (?:aking )?sarili|tapusin ang buhay ko`],
    means_plan: [
      `(?:may|meron|mayroon) (?:na )?(?:akong |ako )?(?:lubid|baril|kutsilyo|blade)|(?:lubid|baril)~(?:na ako|ko na|handa)|ngayong gabi|naipon (?:ko )?(?:na )?(?:gamot|tableta)`,
    ],
    passive_si: [`ayaw (?:ko|ko na) nang mabuhay|gusto ko nang mamatay|sana mamatay na lang ako`],
    bleeding_heavy: [
      `(?:hindi tumitigil|ayaw tumigil) ang (?:pagdurugo|dugo)|(?:malakas|sobrang) (?:na )?pagdurugo`,
    ],
    vomit_blood: [`(?:nagsusuka|sumuka) ng dugo`],
    black_stool: [`(?:itim|maitim) na dumi|may dugo (?:ang|sa) dumi`],
    worst_headache: [`(?:pinakamatinding|sobrang sakit ng) ulo`],
    fainting: [`nawalan (?:siya |ako )?ng malay|hinimatay|nahimatay`],
    confusion: [`nalilito|hindi (?:makakilala|makilala)|wala sa sarili`],
    unresponsive: [`hindi (?:gumigising|sumasagot|humihinga)`],
    seizure: [
      `nagkakombulsyon|nagkombulsyon|nagkukumbulsyon|nagkakumbulsyon|kumbulsyon|kombulsyon|nangingisay|kinukumbulsyon|nag-?seizure`,
    ],
    overdose: [`(?:uminom|ininom) ng (?:maraming|lahat ng) (?:gamot|tableta)|nalason`],
    fetal_movement: [`hindi (?:na )?gumagalaw ang (?:baby|sanggol|bata sa tiyan)`],
    sob: [`hirap (?:huminga|sa paghinga)|kinakapos (?:ng|sa) hininga|hingal`],
    stiff_neck: [`(?:naninigas|matigas|stiff) (?:ang )?(?:leeg|batok)|(?:leeg|batok)~(?:naninigas|matigas)`],
    fever: [`lagnat|nilalagnat|inaapoy`],
    dysuria: [`masakit (?:umihi|pag-?ihi)|mahapdi (?:umihi|pag-?ihi)`],
    mild_symptom: [`masakit|sakit|ubo|sipon|hilo`],
    refill: [`reseta`],
    scheduling: [`(?:magpa-?)?schedule|iskedyul`],
    billing: [`bayad|singil`],
    thanks: [`salamat`],
    pregnant: [`buntis`],
  },
  context: { negationPre: [`hindi|wala|walang`] },
};
