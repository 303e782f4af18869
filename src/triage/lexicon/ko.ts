import type { LanguagePack } from './types';

/* Korean; Hangul is matched as substrings, and negation mostly follows the word ("통증은 없어요"). */
export const ko: LanguagePack = {
  code: 'ko',
  name: 'Korean',
  latin: false,
  concepts: {
    chest_pain: [`가슴.{0,8}(?:통증|아파|아프|답답|조이|조여|압박|뻐근|쥐어짜)|흉통`],
    breathing_severe: [
      `숨.{0,6}(?:못\\s?쉬|쉴\\s?수\\s?없|쉬기\\s?(?:힘들|어려)|막히|막혀|넘어가)|호흡\\s?곤란`,
    ],
    cyanosis: [`입술.{0,3}(?:파랗|파래|보라)`],
    stroke_face: [`얼굴.{0,6}(?:처지|비뚤|마비|돌아가)|입.{0,4}(?:돌아가|비뚤|처지)`],
    stroke_speech: [`말.{0,4}(?:어눌|안\\s?나오|이상하게|꼬여|못\\s?하)|발음.{0,4}(?:어눌|이상)`],
    stroke_weakness: [
      `한쪽.{0,8}(?:마비|힘이\\s?없|힘이\\s?빠|저리|감각이\\s?없)|(?:팔|다리).{0,4}(?:못\\s?들|마비|힘이\\s?없|힘이\\s?빠)`,
    ],
    stroke: [`뇌졸중|중풍|뇌경색|뇌출혈`],
    throat_swelling: [`(?:목|혀|목구멍).{0,3}(?:붓|부어|부었|조이|막히)`],
    suicide_plan: [`자살|스스로\\s?목숨|극단적\\s?선택|목숨을\\s?끊`],
    passive_si: [`죽고\\s?싶|살고\\s?싶지\\s?않`],
    bleeding_heavy: [`피가.{0,4}(?:멈추지|안\\s?멈|계속)|출혈이\\s?심|대량\\s?출혈`],
    vomit_blood: [`피를\\s?토|토혈|각혈`],
    black_stool: [`혈변|검은\\s?변|변에\\s?피`],
    worst_headache: [`극심한\\s?두통|최악의\\s?두통|머리가\\s?깨질`],
    fainting: [`기절|실신|의식.{0,4}(?:잃|없)|쓰러졌`],
    confusion: [`의식이\\s?혼미|혼란스러|횡설수설|못\\s?알아보`],
    unresponsive: [`반응이\\s?없|숨을\\s?안\\s?쉬`],
    seizure: [`발작|경련`],
    overdose: [`과다\\s?복용|약을\\s?(?:많이|다)\\s?먹|중독`],
    fetal_movement: [`태동.{0,4}(?:없|줄|느껴지지)|아기가\\s?(?:안\\s?)?움직이지`],
    heart_attack: [`심장마비|심근경색`],
    sob: [`숨이\\s?차|숨참`],
    stiff_neck: [`목이\\s?(?:뻣뻣|굳|경직)|목\\s?경직`],
    fever: [`열이|고열|발열|열\\s?(?:나|났)`],
    dysuria: [`소변.{0,4}(?:아프|통증|따갑)|배뇨통`],
    mild_symptom: [`아파|아프|통증|기침|감기|어지러`],
    refill: [`처방`],
    scheduling: [`예약|취소`],
    billing: [`청구서|보험|비용`],
    thanks: [`감사`],
    pregnant: [`임신`],
  },
  context: {
    negationPre: [`안\\s|못\\s`],
    negationPost: [`(?:은|는|이|가)?\\s?(?:없어|없습니다|없고|없음|없어요|아니)`],
  },
};
