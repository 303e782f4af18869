/** Spanish message templates, as Spanish-speaking patients in a U.S. clinic write them. */
import type { Template } from './message-text-en';
import type { TextSlots } from './message-slots';
import type { Rng } from './prng';

const de = (s: TextSlots) => (s.forChild ? `de ${s.kid}` : '');
const familiar = (s: TextSlots, r: Rng) =>
  r.pick(s.gender === 'female' ? ['mi esposa', 'mi mamá'] : ['mi esposo', 'mi papá']);
const ALLERGENS_ES: Record<string, string> = { Peanuts: 'cacahuate', Shellfish: 'mariscos' };
const el = (s: TextSlots) => (s.gender === 'female' ? 'Ella' : 'Él');

export const ES: Record<string, Template[]> = {
  chest_pain: [
    () =>
      'Tengo dolor de pecho desde hace una hora, como una presión fuerte, y me baja al brazo izquierdo. Estoy sudando y con náuseas.',
    () => 'me duele mucho el pecho y no puedo respirar bien desde esta mañana, siento como un peso encima',
  ],
  stroke_signs: [
    (s, r) =>
      `Le escribo por ${familiar(s, r)}. Desde hace media hora tiene la cara caída de un lado y no puede hablar bien. ${el(s)} dice que solo está cansad${s.gender === 'female' ? 'a' : 'o'}.`,
  ],
  infant_fever: [
    (s) =>
      `${s.kid} ${s.child} tiene ${s.kidAgeWeeks} semanas y tiene fiebre de 38.3 C. Está más llorón y come menos. ¿Lo tengo que llevar?`,
    (s) => `mi bebé de ${s.kidAgeWeeks} semanas está caliente, el termómetro marca 100.8. qué hago?`,
  ],
  pregnancy_bleeding: [
    (s) =>
      `Tengo ${s.weeks} semanas de embarazo y estoy sangrando mucho desde hace una hora, con cólicos fuertes.`,
    (s) => `Tengo ${s.weeks} semanas de embarazo y no siento que el bebé se mueva desde ayer en la noche.`,
  ],
  anaphylaxis: [
    (s) =>
      `Creo que comí algo con ${ALLERGENS_ES[s.allergy] ?? s.allergy.toLowerCase()} y ahora se me están hinchando los labios y la lengua y siento la garganta cerrada.`,
  ],
  suicidal_plan: [
    () => 'Ya no puedo más. Tengo guardadas mis pastillas y pienso tomármelas todas esta noche.',
  ],
  gi_bleed_anticoagulant: [
    (s) => `Tomo ${s.med} para el corazón. Desde ayer mis heces son negras y hoy casi me desmayo en el baño.`,
  ],
  overdose: [
    (s) =>
      `Me tomé como 20 pastillas de ${s.med} hace una hora. Me siento mareado y el corazón me late muy rápido.`,
  ],
  hypoglycemia_confused: [
    (s, r) =>
      `${familiar(s, r)} se puso su ${s.med} y no cenó. Ahora está sudando, confundid${s.gender === 'female' ? 'a' : 'o'} y no habla bien. El azúcar marca 42.`,
  ],
  uti_fever: [
    () =>
      'tengo ardor al orinar desde hace 3 dias y ahora escalofrios y fiebre de 101.3, me duele la espalda baja del lado derecho. me pueden recetar algo?',
    () =>
      'Creo que tengo infección de orina otra vez. Me arde al orinar y tengo fiebre y escalofríos desde anoche.',
  ],
  asthma_flare: [
    (s) =>
      `${s.forChild ? `${s.kid} ${s.child} tiene` : 'Tengo'} silbido en el pecho desde anoche y el ${s.med} solo ayuda como una hora. ${s.forChild ? 'Puede' : 'Puedo'} hablar bien pero está empeorando.`,
  ],
  rash_new_medicine: [
    (s) =>
      `Empecé a tomar ${s.med} la semana pasada y ahora tengo ronchas rojas que pican en el pecho y los brazos. No tengo hinchazón en la boca y respiro bien. ¿Lo dejo de tomar?`,
  ],
  out_of_critical_medicine: [
    (s) =>
      `Solo me queda una dosis de ${s.med} y el pedido por correo se retrasó. ¿Pueden mandar una receta a mi farmacia hoy?`,
    (s) =>
      `se me acabó el ${s.med} ${de(s)} y la farmacia dice que necesita autorización del doctor. no puedo dejar de tomarlo`,
  ],
  high_home_bp: [
    (s) =>
      `Mi presión en casa salió ${s.homeBp} esta mañana y otra vez ${s.homeBp}. No tengo dolor de pecho ni de cabeza. ${s.med ? `¿Me tomo otra pastilla de ${s.med}?` : '¿Qué hago?'}`,
  ],
  child_fever: [
    (s) =>
      `${s.kid} ${s.child} tiene ${s.kidAgeYears} ${s.kidAgeYears === 1 ? 'año' : 'años'} y tiene fiebre de 103 desde ayer. Toma líquidos y juega cuando le baja la fiebre. ¿Hay cita para hoy?`,
  ],
  passive_si: [
    () =>
      'Últimamente a veces pienso que sería mejor no despertar. No tengo ningún plan y no voy a hacer nada, pero me siento muy triste y necesito hablar con alguien.',
  ],
  vomiting_dehydration: [
    (s) =>
      `${s.forChild ? `${s.kid} está vomitando` : 'Estoy vomitando'} desde anoche y no ${s.forChild ? 'retiene' : 'retengo'} ni el agua. ${s.forChild ? (s.kidAgeYears < 3 ? 'Solo un pañal mojado hoy.' : 'Casi no ha orinado hoy.') : 'Me mareo al pararme.'}`,
  ],
  pregnancy_spotting: [
    (s) =>
      `Tengo como ${s.weeks} semanas de embarazo y esta mañana manché un poquito rosado. No tengo cólicos. ¿Es normal?`,
  ],
  high_inr: [
    (s) =>
      `En el portal dice que mi INR salió ${s.value}. Tomo ${s.med}. ¿Tengo que cambiar la dosis de hoy?`,
  ],
  wound_infection: [
    () => 'La herida de la pierna está roja, caliente, hinchada y le sale pus. Lo rojo se está extendiendo.',
  ],
  refill: [
    (s) =>
      `Hola, necesito un resurtido de ${s.forChild ? `el ${s.med} de ${s.kid}` : `mi ${s.med}`}. Ya casi se ${s.forChild ? 'le' : 'me'} acaba.`,
    (s) => `Buenos días, me pueden mandar más ${s.med} ${s.medDose} a mi farmacia por favor. Gracias.`,
    (s) => `necesito receta de ${s.med}, la farmacia dice que ya no tengo resurtidos`,
  ],
  medication_question: [
    (s) =>
      s.forChild
        ? `¿${s.kid} puede tomar el ${s.med} con el desayuno o tiene que ser en ayunas?`
        : `¿Puedo tomar mi ${s.med} con el café en la mañana o tengo que esperar?`,
    (s) =>
      `En la farmacia cambiaron las pastillas de ${s.med} ${de(s)}, se ven diferentes. ¿Es la misma medicina?`,
    (s) =>
      s.forChild
        ? `A ${s.kid} se le olvidó tomar el ${s.med} ayer. ¿Le doy dos hoy?`
        : `Se me olvidó tomar el ${s.med} ayer. ¿Me tomo dos hoy?`,
  ],
  result_question: [
    (s) => `Vi que mi resultado de ${s.result} salió ${s.value}. ¿Qué significa?`,
    (s) => `¿Me pueden explicar mi resultado de ${s.result}? Dice ${s.value} ${s.unit}.`,
  ],
  result_trend: [
    (s) => `¿Mi resultado de ${s.result} está mejor? Antes era ${s.prevValue} y ahora salió ${s.value}.`,
  ],
  explain_labs: [
    () => 'Me llegó aviso de que están mis análisis de sangre. ¿Me pueden decir si algo está mal?',
    () => '¿Me pueden explicar mis resultados de laboratorio? Algunos tienen una H.',
  ],
  mild_symptom: [
    () =>
      'Me duele la rodilla derecha desde hace unas semanas cuando bajo escaleras. No está hinchada. ¿Qué puedo hacer?',
    () =>
      'Tengo alergias de temporada, mocos y ojos rojos. ¿Puedo tomar pastillas para la alergia sin receta?',
  ],
  feeling_better: [
    (s) =>
      `Solo para avisar que ya ${s.forChild ? `${s.child} está mucho mejor y regresó a la escuela` : 'me siento mucho mejor, ya no tengo tos'}. Gracias ${s.doctor}.`,
  ],
  reschedule: [
    (s) =>
      `Necesito cambiar ${s.forChild ? `la cita ${de(s)}` : 'mi cita'} del ${s.date} a las ${s.time} porque tengo que trabajar. ¿Tienen algo la otra semana en la tarde?`,
    (s) => `se puede cambiar la cita del ${s.date}? me salió algo`,
  ],
  book_visit: [
    (s) =>
      `Quiero hacer una cita ${s.forChild ? `para ${s.kid} ${s.child}` : 'para mi examen anual'} con ${s.doctor}. En la mañana es mejor.`,
  ],
  cancel_visit: [
    (s) =>
      `Por favor cancelen ${s.forChild ? `la cita ${de(s)}` : 'mi cita'} del ${s.date}. Después llamo para hacer otra.`,
  ],
  billing: [
    (s) =>
      `Me llegó una factura de $${s.amount} de mi última consulta pero mi seguro la debía cubrir. ¿La pueden revisar?`,
    () => '¿Puedo hacer un plan de pagos para lo que debo?',
  ],
  form_request: [
    (s) =>
      s.forChild
        ? `Necesito el récord de vacunas de ${s.kid} para la guardería.`
        : 'Necesito una carta para mi trabajo que diga que vine a consulta el lunes.',
  ],
  records_request: [() => 'Me voy a mudar a otro estado. ¿Cómo pido una copia de mi expediente médico?'],
  portal_login: [() => 'No puedo entrar a la aplicación, dice que mi contraseña está mal aunque la cambié.'],
  portal_missing_results: [
    () => 'Me llegó un mensaje que mis resultados están listos pero en el portal no aparece nada.',
  ],
  thanks: [
    (s) =>
      `Muchas gracias ${s.doctor} y a todo el equipo por la atención. No tengo preguntas, solo quería dar las gracias.`,
  ],
  contact_update: [(s) => `Por favor cambien mi número de teléfono a ${s.newPhone}. El otro ya no funciona.`],
  pharmacy_change: [() => 'Por favor cambien mi farmacia a la Walgreens de la calle Elm.'],
};

export const ES_GREETINGS = ['Hola,', 'Buenos días,', 'Buenas tardes,', ''];
export const ES_CLOSINGS = ['Gracias', 'Muchas gracias', 'Saludos', ''];

/** A short refill request in other languages some patients prefer; the drafter must flag these for translation. */
export const OTHER_LANGUAGE_REFILL: Record<string, (med: string) => string> = {
  vi: (med) => `Xin chào, tôi cần thêm thuốc ${med}. Cảm ơn.`,
  zh: (med) => `你好，我需要续开${med}。谢谢。`,
  ru: (med) => `Здравствуйте, мне нужно продлить рецепт на ${med}. Спасибо.`,
  ko: (med) => `안녕하세요, ${med} 처방을 다시 받고 싶습니다. 감사합니다.`,
  ar: (med) => `مرحبا، أحتاج إلى إعادة صرف دواء ${med}. شكرا.`,
  tl: (med) => `Hello po, kailangan ko po ng refill ng ${med}. Salamat po.`,
  hi: (med) => `नमस्ते, मुझे ${med} की दवा दोबारा चाहिए। धन्यवाद।`,
};
