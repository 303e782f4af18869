import type { LanguagePack } from './types';

/* Arabic (standard and common dialect forms); folding turns hamza forms of alif into plain alif. */
export const ar: LanguagePack = {
  code: 'ar',
  name: 'Arabic',
  latin: false,
  concepts: {
    chest_pain: [`(?:الم|وجع|ضيق|ضغط)\\s(?:\\S+\\s){0,2}(?:في|ب)\\s?(?:ال)?صدر|صدري\\s(?:يؤلمني|يوجعني)`],
    breathing_severe: [
      `لا\\s(?:استطيع|يستطيع|اقدر|يقدر)\\s(?:التنفس|اتنفس|يتنفس)|ما\\s(?:اقدر|يقدر)\\s(?:اتنفس|يتنفس)|مش\\sقادر\\s(?:اتنفس|يتنفس)|اختناق|اختنق`,
    ],
    stroke_face: [`(?:وجه|فم)\\S*\\s(?:مائل|معوج|منحرف)|ارتخاء\\sفي\\sالوجه`],
    stroke_speech: [
      `ثقل\\sفي\\sاللسان|تلعثم|لا\\s(?:يستطيع|يقدر)\\s(?:الكلام|يتكلم)|كلامه\\s(?:غير\\sواضح|ثقيل)`,
    ],
    stroke_weakness: [`ضعف\\sفي\\s(?:جانب|الجانب|نصف)|شلل|تنميل\\sفي\\s(?:جانب|نصف)`],
    stroke: [`جلطة|سكتة\\sدماغية`],
    throat_swelling: [`(?:تورم|انتفاخ)\\s(?:ال)?(?:حلق|لسان)`],
    suicide_plan: [`انتحار|اقتل\\sنفسي|انهاء\\sحياتي`],
    passive_si: [`لا\\sاريد\\sان\\sاعيش|اريد\\sان\\sاموت`],
    bleeding_heavy: [`نزيف`],
    vomit_blood: [`(?:تقيؤ|قيء|استفراغ)\\sدم`],
    black_stool: [`براز\\sاسود|دم\\sفي\\sالبراز`],
    fainting: [`اغماء|اغمي\\sعلي|فقد(?:ت|ان)?\\sالوعي`],
    confusion: [`مشوش|ارتباك|لا\\sيعرف\\sاين`],
    unresponsive: [`لا\\sيستجيب|لا\\sيتنفس`],
    seizure: [`تشنج|نوبة\\sصرع|صرع`],
    overdose: [`جرعة\\sزائدة|تسمم`],
    fetal_movement: [`(?:الجنين|البيبي)\\sلا\\sيتحرك|قلة\\sحركة\\sالجنين`],
    heart_attack: [`نوبة\\sقلبية|ازمة\\sقلبية`],
    sob: [`ضيق\\s(?:في\\s)?(?:ال)?تنفس|صعوبة\\sفي\\sالتنفس`],
    fever: [`حمى|حرارة|سخونة`],
    mild_symptom: [`الم|وجع|سعال|كحة`],
    refill: [`وصفة|دواء`],
    scheduling: [`موعد`],
    billing: [`فاتورة|تامين|دفع`],
    thanks: [`شكرا`],
    pregnant: [`حامل|حمل`],
  },
  context: { negationPre: [`(?<![\\u0600-\\u06ff])(?:لا|ليس|بدون|لم|ما)(?![\\u0600-\\u06ff])`] },
};
