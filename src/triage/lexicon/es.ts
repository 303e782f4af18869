import type { LanguagePack } from './types';

/* Spanish, folded (no accents): "dolor de pecho", "no puedo respirar", "se me acabó la insulina". */
const SU = '(?:mi|su|la|el|sus|mis|le|me)';
const DUELE = '(?:me duele|le duele|duele|dolor|dolores|adolorid\\w*|presion|opresion|apreta\\w*|punzada)';
const NO_PUEDE =
  '(?:no (?:puedo|puede|podia|podemos|pude|pudo)|no (?:logro|logra)|me cuesta|le cuesta|dificultad para)';
const PASTILLAS = '(?:pastillas|pildoras|medicinas?|medicamentos?|tabletas|capsulas)';

export const es: LanguagePack = {
  code: 'es',
  name: 'Spanish',
  latin: true,
  concepts: {
    // Skin or eyes that turn yellow; "Amarillo" alone is also a city.
    jaundice: [
      `(?:piel|ojos|cara|se ve|esta|se puso|se esta poniendo|lo blanco de los ojos)~(?:muy |bien )?amarill(?:o|a|ento|enta|os|as)|ictericia|ojos amarillos`,
    ],
    infant_signs: [
      `no (?:quiere|puede) (?:comer|mamar|tomar (?:pecho|leche|el biberon|la mamila))|ya no come|no mama|(?:muy|demasiado) dormid[oa]|no despierta bien|somnolient\\w*|letargic\\w*|aguadit[oa]`,
    ],
    burn: [
      `quemadura~~(?:ampollas|grande|profunda)|(?:me |se )?quem(?:e|o)~~(?:ampollas grandes|mucho|profund\\w*)`,
    ],
    stridor: [`(?:ruido|silbido|chillido) al (?:respirar|inhalar|jalar aire)|tos de perro|estridor`],
    bite_puncture: [
      `(?:me|le|lo|la|nos) mordio (?:un|una|el|la|mi|su) (?:perro|gato|animal|murcielago|vibora)|mordida de (?:perro|gato|animal)`,
    ],
    chest_pain: [
      `${DUELE}~(?:en )?(?:el |mi |su )?pecho`,
      `pecho~(?:duele|dolor|apretado|presion|opresion|pesado)`,
      `dolor (?:de|en el) (?:pecho|corazon)|dolor toracico|me duele el corazon`,
    ],
    breathing_severe: [
      `${NO_PUEDE} respirar|me ahogo|se ahoga|ahogand\\w*|me falta (?:mucho )?el (?:aire|aliento)|no le entra (?:el )?aire|no me entra (?:el )?aire`,
      `${NO_PUEDE} (?:hablar|decir) (?:frases|oraciones)|solo (?:puede|puedo) decir (?:unas|pocas|dos|tres) palabras|se le hunden las costillas`,
    ],
    cyanosis: [
      `(?:labios|cara|(?:las|mis|sus) unas|dedos)~(?:morad\\w*|azul\\w*|gris\\w*)|se (?:puso|esta poniendo) morad\\w*`,
    ],
    stroke_face: [
      `(?:cara|boca|rostro)~(?:caid\\w*|torcid\\w*|chueca|chueco|colgad\\w*|desviad\\w*)|(?:se le|se me) (?:cayo|torcio|durmio) (?:la cara|la boca|un lado de la cara)`,
    ],
    stroke_speech: [
      `${NO_PUEDE} hablar(?: bien| claro)?|habla (?:raro|extrano|enredado|arrastrad\\w*|como borracho)|(?:arrastra|enreda|traba) (?:las )?palabras|no se le entiende|balbucea`,
    ],
    stroke_weakness: [
      `(?:debil\\w*|dormid\\w*|entumid\\w*|paraliz\\w*|no (?:puede|puedo) mover)~(?:un lado|lado (?:derecho|izquierdo)|(?:el |la |su |mi )?(?:brazo|pierna|mano) (?:derech\\w*|izquierd\\w*))`,
      `${NO_PUEDE} (?:levantar|mover|sentir) ${SU}? ?(?:brazo|pierna|mano)|(?:brazo|pierna|mano) (?:derech\\w*|izquierd\\w*)~(?:debil|dormid\\w*|no (?:la |lo )?(?:puede|puedo) mover|no responde)`,
      `de repente~(?:debil\\w*|dormid\\w*|entumid\\w*)|mitad del cuerpo`,
    ],
    vision_loss: [
      `(?:perdi|perdio|perdida de) (?:la )?vista|de repente no (?:veo|ve)|no (?:veo|ve) (?:nada|de un ojo)|se (?:me|le) nublo la vista de repente`,
    ],
    throat_swelling: [
      `(?:se me |se le )?(?:hincho|hincharon|inflamo|inflamaron|cerro|esta cerrando)~(?:la )?(?:lengua|garganta)`,
      `(?:lengua|garganta)~(?:hinchad\\w*|inflamad\\w*|cerrando|cerrad\\w*|apretad\\w*)|(?:se me|se le) (?:cierra|esta cerrando) la garganta|no (?:puedo|puede) tragar`,
    ],
    suicide_plan: [
      `se (?:quiere|va a) (?:matar|suicidar)|quiere (?:matarse|suicidarse|quitarse la vida)|se quiere quitar la vida`,
      `(?:voy a|puedo|podria|quiero|tengo ganas de|pienso|estoy pensando en|a punto de) (?:hacerme dano|lastimarme|cortarme|ahorcarme|tirarme|dispararme)|(?:tengo|tiene) (?:la |una )?(?:cuerda|soga|pistola|arma)~~(?:usar\\w*|matar\\w*|noche)`,
      `(?:matarme|suicidarme|quitarme la vida|acabar con mi vida|terminar con (?:todo|mi vida)|me voy a matar|me quiero matar)`,
      `(?:tomarme|tomarmelas|tomar) (?:todas|todo)~${PASTILLAS}?|${PASTILLAS}~(?:tomarmelas|tomarme todas)|tomarmelas todas|pensando (?:en )?(?:matarme|quitarme la vida|tomarmelas)`,
    ],
    harm_others: [
      `(?:dice|dijo|amenaza|grita|grito) que (?:si \\w+(?: \\w+){0,4} )?(?:me|nos|los|la|lo|a mis hijos) (?:mata|matara|va a matar|mato|va a golpear)\\b`,
      `(?:me |nos )?amenaz\\w*~(?:de muerte|cuchillo|navaja|pistola|arma|matar|lastimar|pegar|golpear|hacer dano|herir)|(?:dijo|dice|grito) que (?:me|nos|a mis hijos|a los ninos) (?:va a|iba a|van a) (?:matar|lastimar|pegar|golpear|hacer dano)|(?:temo|miedo) (?:por|de perder) (?:mi|nuestra|nuestras) vidas?|(?:tengo|tenemos) miedo de que (?:me|nos) (?:mate|lastime|pegue|haga dano)`,
      `(?:pensamientos de|ganas de|pienso en|quiero) (?:matar|lastimar|hacerle dano)(?: a)? (?:alguien|mi \\w+|mis \\w+|el|ella|otros|otras personas|la gente)`,
      `(?:quiero|voy a|pienso|ganas de) (?:matar|lastimar|hacerle dano) a (?:alguien|el|ella|mi \\w+)`,
    ],
    bleeding_heavy: [
      `sangr\\w* (?:muchisimo|mucho|a chorros|sin parar|bastante)|no (?:para|paro|se detiene|se ha detenido|deja de sangrar)~(?:desde hace|hace|por) (?:una|mas de una|\\d+|dos|tres|varias) horas?|(?:sangr\\w*)~no (?:para|se detiene|se para|deja de)|hemorragia|mucha sangre|sangrado (?:muy )?abundante`,
    ],
    vomit_blood: [
      `(?:vomit\\w*|devolv\\w*|escup\\w*|tos\\w*) (?:con )?sangre|vomito con sangre|asientos de cafe`,
    ],
    worst_headache: [
      `(?:el )?peor dolor de cabeza|dolor de cabeza (?:muy fuerte )?(?:de repente|subito|repentino)|como un trueno`,
    ],
    fainting: [
      `(?<!casi )(?:me desmaye|se desmayo|desmay\\w*|perdio el conocimiento|perdi el conocimiento|perdio la conciencia|se cayo desmayad\\w*)`,
    ],
    confusion: [
      `no (?:me |nos |le )?contesta bien|casi no (?:me |nos |le )?contesta|balbuce\\w*|(?:dice|diciendo|habla) cosas (?:que no tienen sentido|sin sentido|raras)|(?:esta|anda|muy|se ve) (?:muy )?(?:confundid\\w*|desorientad\\w*|perdid\\w*)|no sabe (?:donde esta|que dia es|quien soy)|no (?:tiene|hace) sentido lo que dice|confusion|desorientad\\w*|delira\\w*|no reconoce`,
    ],
    unresponsive: [
      `no responde|no reacciona|no despierta|no (?:puedo|podemos) despertarl\\w*|no respira|dejo de respirar|inconsciente`,
    ],
    seizure: [
      `convulsi\\w*|convulsionando|ataque (?:epileptico|de epilepsia)|(?<!para las )(?:crisis|ataque) convulsiv\\w*|le dio (?:un )?ataque`,
    ],
    overdose: [
      `(?:me |se )?tom(?:e|o) (?:medio|todo el|todo un|un|el|media) (?:frasco|botella|caja)`,
      `(?:una|la|toda la) botella de (?:pastillas|pildoras|medicina|medicamento)`,
      `(?:me |se )?tom(?:e|o) (?:todas|muchas|un monton de|demasiadas) (?:las |mis |sus )?(?:pastillas|pildoras|tabletas|medicinas)|(?:me |se )?tom(?:e|o) (?:todo )?(?:el|un) frasco`,
      `sobredosis|envenen\\w*|intoxica\\w*|se (?:tomo|trago|comio) (?:unas|varias|todas|mis|las|un frasco)~${PASTILLAS}?|(?:tomo|tome|trago) (?:de mas|demasiad\\w*)|tomo (?:toda la caja|todo el frasco)`,
    ],
    fetal_movement: [
      `no siento (?:que )?(?:al |a mi |el |mi )?bebe (?:se )?mueva|(?:el |mi )?bebe ya no se mueve`,
      `(?:el |mi )?bebe no (?:se )?(?:ha |han )?(?:movido|mueve|pateado|patea|siento moverse)|no (?:lo |la )?(?:he |ha )?(?:sentido|siento) (?:moverse|mover|patear)|no (?:he |ha )?sentido (?:al |a mi )?bebe (?:moverse|mover)|(?:el )?bebe (?:no se mueve|ya no se mueve|dejo de moverse|se mueve menos)|no siento (?:al |a mi )?bebe`,
    ],
    anaphylaxis: [`anafila\\w*|(?:use|usamos|le puse) (?:el |la )?epipen`],
    heart_attack: [
      `(?:me esta dando|le esta dando|creo que (?:tengo|tiene|es)) un (?:infarto|ataque al corazon|ataque cardiaco)`,
    ],
    stroke: [
      `(?:me esta dando|le esta dando|creo que (?:tengo|tiene|es)) (?:un )?(?:derrame|embolia|ataque cerebral|accidente cerebro\\w*)`,
    ],
    sob: [
      `falta de aire|me falta el aire|(?:le|me) falta (?:el )?aire|(?:dificultad|trabajo) para respirar|me cuesta respirar|le cuesta respirar|respira (?:rapido|con dificultad)|ahogo|sin aliento`,
    ],
    palpitations: [
      `palpitaciones|(?:el )?corazon (?:me |le )?(?:late|palpita|va) (?:muy )?(?:rapido|fuerte|acelerado)|taquicardia`,
    ],
    near_faint: [`casi me desmayo|casi se desmaya|me siento desmayar|como que me voy a desmayar`],
    fever: [`fiebre|calentura|temperatura alta|febril`],
    dysuria: [
      `(?:ardor|dolor|arde|duele|quema)~(?:al |cuando )(?:orinar|orino|hacer pipi|hago pipi)|infeccion (?:de orina|urinaria|en la orina|de (?:las )?vias urinarias)|me arde (?:al orinar|la orina)`,
    ],
    hematuria: [`sangre en (?:la )?orina|orina~(?:roja|rosada|con sangre|cafe|oscura)`],
    flank_pain: [
      `(?:dolor|duele)~(?:costado|rinon|rinones)|(?:espalda baja|costado)~(?:lado )?(?:derecho|izquierdo)|lado (?:derecho|izquierdo) de la espalda`,
    ],
    severe_headache: [
      `(?:me |le )?duele (?:mucho|muchisimo) la cabeza|(?:fuerte|terrible|horrible|intenso|mucho) dolor de cabeza|dolor de cabeza (?:muy )?(?:fuerte|intenso|terrible)`,
    ],
    vision_change: [
      `no (?:ve|veo) bien|vista nublada|vision borrosa|veo (?:borroso|doble|lucecitas|manchas|estrellitas)|vista borrosa`,
    ],
    leg_clot_signs: [`(?:pantorrilla|pierna)~(?:hinchad\\w*|inflamad\\w*)~(?:dolor|duele|roja|caliente)`],
    lip_swelling: [`(?:labios|cara|ojos|parpados|boca)~(?:hinchad\\w*|inflamad\\w*)`],
    wound_infection: [
      `(?:herida|incision|puntos|cortada|piquete|picadura)~~(?:pus|supura\\w*|roj\\w*|caliente|hinchad\\w*|infectad\\w*|mal olor)|pus\\b|infectad\\w*`,
    ],
    dehydration: [
      `no ha mojado (?:el |los |ningun |ni un )?panal|panal(?:es)? seco|sin mojar (?:el )?panal`,
      `no (?:puedo|puede) retener|no retengo|vomit\\w*~(?:todo el dia|toda la noche|desde (?:ayer|anoche|la manana))`,
      `no (?:retiene|aguanta|tolera|puede tomar) (?:nada|liquidos|agua)|(?:vomita|vomito|devuelve) todo|no (?:ha )?(?:orinado|hecho pipi)|casi no orina|no orina|orina muy poco|deshidrat\\w*|panales secos|no moja (?:el |los )?panal`,
    ],
    black_stool: [
      `(?:diarrea|heces|evacuaciones|popo|caca) con sangre`,
      `(?:heces|popo|excremento|evacuaciones|caca)~(?:negr\\w*|con sangre)|sangre en (?:las )?heces|sangrado (?:rectal|por el recto)`,
    ],
    abuse: [
      `(?:mi )?(?:esposo|esposa|pareja|novio|novia|ex|marido)~(?:me (?:pega|pego|golpea|golpeo|maltrata|maltrato|amenaza|amenazo|empujo|ahorco|lastimo))|violencia (?:domestica|familiar)|no me siento segur[oa] en (?:mi )?casa|miedo de (?:volver|regresar) a (?:mi )?casa`,
    ],
    passive_si: [
      `(?:se |me )?quiere morir(?:se)?|(?:quiero|quiere) morir(?:me|se)?`,
      `(?:mejor|preferiria) no (?:estar viv[oa]|vivir|existir|despertar)|no (?:quiero|quisiera) (?:estar viv[oa]|despertar|existir)`,
      `(?:ya )?no (?:quiero|deseo) (?:seguir|continuar) (?:viviendo|con vida|aqui|en este mundo)|(?:ya )?no (?:aguanto|puedo) mas|no quiero vivir|quisiera (?:morirme|no despertar)|mejor (?:muerto|muerta)|no tiene sentido vivir|pensamientos de (?:muerte|morir|suicidio)|ganas de morir`,
    ],
    self_harm: [`(?:cortarme|me corto|me lastimo|lastimarme|hacerme dano)`],
    vaginal_bleeding_heavy: [
      `sangrado (?:abundante|fuerte|mucho)|sangro mucho|mucha sangre|coagulos grandes`,
    ],
    eye_pain: [
      `(?:cloro|quimico|blanqueador|algo) (?:en|me cayo en|le cayo en) (?:el|los|mi|su) ojos?|(?:me|le) cayo~(?:en|al) (?:el |los |mi |su )?ojos?`,
      `(?:ojo|ojos)~~(?:duele|dolor|ardor|lastima)`,
      `(?:ojo|ojos)~(?:duele|dolor|ardor)|dolor (?:de|en el) ojo`,
    ],
    light_sensitivity: [
      `(?:me |le )?(?:molesta|duele|lastima) la luz`,
      `(?:la )?luz~(?:molesta|duele)|sensibilidad a la luz`,
    ],
    asthma_uncontrolled: [
      `(?:inhalador|albuterol|nebulizador|bomba)~~(?:no (?:le |me )?ayuda|no funciona|no sirve|cada (?:\\d+|hora))`,
    ],
    wheezing: [`silbido(?:s)? (?:en el pecho|al respirar)|sibilancias`],
    severe_pain: [`dolor (?:muy )?(?:fuerte|intenso|insoportable|terrible)|(?:mucho|insoportable) dolor`],
    allergic_reaction: [`reaccion alergica|ronchas|urticaria`],
    pleuritic: [`(?:duele|dolor) al respirar (?:hondo|profundo)?`],
    glucose_high_words: [`(?:azucar|glucosa)~(?:muy alta|altisima|dice hi|marca hi)`],
    glucose_low_words: [`(?:azucar|glucosa)~(?:muy baja|bajisima|baja|dice lo|marca lo)|hipoglucemia`],
    stiff_neck: [`(?:cuello|nuca)~(?:rigid\\w*|tiez\\w*|duro)`],
    chills: [`escalofrios?|temblores`],
    headache: [`dolor de cabeza|migrana|jaqueca`],
    vomiting: [`vomit\\w*|devolv\\w*|basca`],
    diarrhea: [`diarrea|chorrillo|evacuaciones liquidas`],
    cough: [`\\btos\\b|tosiendo`],
    dizziness: [`mare\\w*|vertigo`],
    leg_swelling: [`(?:piernas|tobillos|pies)~(?:hinchad\\w*|inflamad\\w*)`],
    dose_error: [
      `(?:doble|dos) dosis|dosis (?:doble|de mas|extra)|(?:tome|tomo|puse|puso|inyecte|inyecto|di|dio|me tome|se tomo|me puse|se puso)~(?:sin querer|por error|por equivocacion|dos veces|de mas|doble)`,
    ],
    trauma: [
      `(?:me|se|nos) (?:cai|cayo|caimos|resbale|resbalo|tropece|tropezo)|(?:una )?caida|accidente de (?:carro|coche|auto|moto|bicicleta)|choque`,
    ],
    injury_pain: [
      `no (?:puedo|puede|podia|podemos) (?:apoyar|mover|caminar|pisar|doblar|levantar)|(?:me|le) duele (?:mucho )?(?:al|para|cuando) (?:mover|caminar|apoyar|pisar|doblar)|(?:tobillo|muneca|brazo|pierna|cadera|rodilla|pie|mano|dedo|codo|hombro)~(?:hinchad[oa]|morad[oa]|inflamad[oa])`,
    ],
    open_fracture: [
      `(?:se (?:le )?ve|se ve|sale|salio|salido) (?:el )?hueso|hueso (?:salido|expuesto|de fuera)|(?:brazo|pierna|muneca|tobillo)~(?:chuec[oa]|deformad[oa]|torcid[oa] (?:hacia|para) (?:atras|el otro lado))`,
    ],
    rash: [`sarpullido|erupcion|ronchas|granitos|manchas rojas`],
    head_injury: [`(?:se )?(?:golpeo|pego|lastimo) (?:en )?la cabeza|golpe en la cabeza|se cayo~cabeza`],
    abdominal_pain: [
      `dolor (?:de|en el) (?:estomago|barriga|panza|vientre|abdomen)|(?:me |le )?duele (?:el |la )?(?:estomago|barriga|panza|vientre)`,
    ],
    spotting: [
      `(?:un )?poco de sangrado|manch\\w* de sangre`,
      `manchado|manchita\\w*|sangrado (?:leve|ligero|poquito)|un poco de sangre|sangrado vaginal`,
    ],
    leaking_fluid: [
      `(?:sale|saliendo|salio|escurre|escurriendo|chorrea\\w*) (?:mucho |un |much[oa] )?(?:liquido|agua)|se (?:me|le) rompio la fuente`,
      `(?:se me |se le )?(?:rompio la fuente|salio (?:mucho )?liquido)|(?:liquido|agua) (?:que me sale|saliendo)`,
    ],
    sweating: [`sud(?:ando|or|ada)|sudoroso`],
    nausea: [`nausea\\w*|asco|ganas de vomitar`],
    arm_jaw_pain: [`(?:brazo|mandibula|quijada)~(?:izquierd\\w*|duele|dolor|dormid\\w*)`],
    bleeding: [`sangr\\w*`],
    mild_symptom: [
      `dolor\\w*|duelen?|lunar(?:es)?|molestia\\w*|tos|gripa|gripe|resfriado|catarro|alergia\\w*|comezon|cansad\\w*|insomnio|no puedo dormir|acidez|agruras|estrenimiento|ansiedad|depresion|hinchaz\\w*|enferm(?!er[oa]s?\\b)\\w*|sintomas?|presion alta|diabet\\w*`,
    ],
    refill: [
      `(?:mas|otra receta|receta|resurtido|rellenar|surtir)~(?:de )?(?:medicina|medicamento|pastillas|receta|\\w+ina\\b)|(?:mandar|manden|enviar|envien) (?:mas|la receta)(?![^.?!]{0,30}(?:otra|nueva|diferente) farmacia)|necesito (?:mas|mi) (?:medicina|medicamento|receta)`,
    ],
    med_question: [
      `(?:seguro|aseguranza|plan|farmacia|medicare|medicaid)~~(?:no (?:cubre|cubrira|paga|quiere cubrir|aprobo)|nego|rechazo)|(?:cambiar\\w*|otr[oa]|alternativ\\w*)~~(?:que (?:si )?(?:cubra|cubre)|cubiert[oa]|mas barat[oa]|generic[oa])`,
      `(?:puedo|debo|se puede) (?:tomar|dejar|combinar|mezclar)|efectos secundarios|(?:tomar\\w*|tomo) (?:antes|despues) de (?:comer|la comida)|me (?:olvide|salte) (?:una )?(?:dosis|pastilla)`,
    ],
    results_question: [
      `(?:que|eso) (?:quiere decir|significa)|(?:resultados?|analisis)~(?:salieron|dicen|estan|salio)|(?:que|como) (?:salieron|estan) (?:mis )?(?:resultados|analisis)|(?:es|esta) (?:normal|alto|bajo)`,
    ],
    referral: [
      `referencia|referido|(?:me|lo|la) (?:pueden )?(?:referir|mandar) (?:a|con) (?:un |una )?(?:especialista|\\w+logo)`,
    ],
    vaccine: [
      `(?<!(?:cartilla|registro|record|tarjeta|comprobante|constancia|historial|carnet|cartilla) de )vacuna\\w*(?! (?:registro|cartilla|record))`,
    ],
    clinical_update: [
      `(?:ya )?(?:estoy|esta|me siento|se siente) (?:mucho )?mejor|ya (?:se me |se le )?(?:quito|paso)`,
    ],
    scheduling: [
      `\\bcita\\b|citas|cambiar (?:la|mi) cita|cancelar|reprogramar|agendar|horario|a que hora (?:abren|cierran)`,
    ],
    billing: [
      `(?:el|mi|su|un|de) seguro\\b|aceptan (?:el )?seguro|molina`,
      `factura|cobro|cobraron|cuenta|pago|pagar|seguro medico|aseguranza|deducible|copago|precio|cuanto cuesta|medicaid|medicare`,
    ],
    forms: [
      `papel(?:es)? para|nota para (?:la escuela|el trabajo)|carta para`,
      `formulario|forma para|carta|constancia|justificante|incapacidad|papeles|documento`,
    ],
    records: [
      `(?:mandar|enviar|mandarme|enviarme)~(?:mis |los )?(?:resultados|expediente|registros|records)|expediente|historial|(?:record|cartilla|registro|tarjeta|comprobante|constancia|carnet) de (?:vacunas|vacunacion|inmunizaciones)|copia de`,
    ],
    portal: [`portal|contrasena|no puedo (?:entrar|iniciar)|la aplicacion|usuario`],
    demographics: [
      `(?:otra|nueva|diferente) farmacia|cambie de farmacia`,
      `(?:cambiar|actualizar|nueva?)~(?:direccion|telefono|numero|farmacia|correo)`,
    ],
    thanks: [`gracias|muy amables|dios (?:los|le|les) bendiga|agradec\\w*`],
    pregnant: [
      `embarazad\\w*|(?<!(?:despues|durante|antes) de(?:l| mi) (?:ultimo |primer |segundo |otro )?|(?:anterior|pasado|otro|ultimo|primer) )embarazo(?! (?:anterior|pasado))|semanas de gestacion|estoy esperando`,
    ],
    blood_thinner: [`anticoagulante|adelgazar la sangre|warfarina|coumadin|xarelto|eliquis`],
    critical_med: [
      `insulina|anticoagulante|xarelto|eliquis|warfarina|medicina (?:para|de) (?:las )?convulsiones|keppra|medicina(?:s)? (?:del|para el) (?:trasplante|vih)|prednisona|tacrolimus`,
    ],
    run_out: [
      `se me acab\\w*|se le acab\\w*|ya no (?:tengo|tiene|me queda|le queda)|no me queda|me quede sin|sin (?:mi |su )?(?:insulina|medicina|medicamento)|(?:ultima|una) (?:dosis|pastilla)|me quedan? (?:una|1) (?:dosis|pastilla)`,
    ],
    supply_left: [
      `(?:todavia|aun) (?:tengo|me quedan?)~(?:semanas?|dias|mes)|(?:\\d+|dos|tres|unas) semanas`,
    ],
    new_med: [
      `(?:empe[zc]\\w*|comen[zc]\\w*|nuev[oa]s?|cambiaron|subieron|aumentaron)~(?:medicina|medicamento|pastilla|dosis|antibiotico|\\w+ina\\b)`,
      `(?:medicina|medicamento|pastilla|antibiotico|pomada|crema|inyeccion) nuev[oa]`,
    ],
    postop: [
      `(?:operacion|cirugia|cesarea)~hace (?:\\d+|unos|dos|tres|cinco) dias|despues de (?:la|mi) (?:operacion|cirugia|cesarea)`,
    ],
    worsening: [`(?:esta |cada vez )?peor|empeor\\w*|se esta extendiendo`],
    improving: [`(?<!no )(?:mejor|mejorando)`],
    means_plan: [
      `(?:ya )?(?:se|sabe|sabemos) (?:como|cuando|donde) hacerlo|ya (?:sabe|se) (?:como|cuando)`,
      `tiene (?:las |unas |sus )?(?:pastillas|pildoras|medicinas?|medicamentos?|tabletas)`,
      `(?:ya )?(?:compre|consegui|junte|guarde|he guardado|he juntado|tengo) (?:las |unas |mis |sus |todas las )?${PASTILLAS}|tengo (?:un |una )?(?:pistola|arma|cuerda)|esta noche|tengo un plan`,
    ],
    allergen_exposure: [
      `(?:comi|comio|despues de comer)|camarones|mariscos|cacahuates?|mani|picadura de abeja|alergi\\w*`,
    ],
    child: [`(?:mi |su )?(?:hij[oa]|bebe|nene|nena|nino|nina)`],
    glucose_context: [`azucar|glucosa|diabet\\w*|insulina`],
    alert_drinking: [`(?:esta )?(?:tomando|comiendo|jugando)|alerta`],
  },
  context: {
    negationPre: [`no|sin|niega|nunca|ni|tampoco|nada de|ningun\\w*|no (?:tengo|tiene|ha tenido|he tenido)`],
    negationPost: [`(?:ya )?(?:se (?:me |le )?(?:quito|paso|fue))|desaparecio`],
    pseudoNegation: [
      `no se (?:puede|pudo|podia) (?:parar|levantar|mover|sentar)|no se\\b|no estoy segur\\w*|no mejora|no (?:me |le )?ayuda|no hay mejoria|no puedo|no puede|no (?:he|ha) sentido`,
    ],
    historyPre: [
      // "Estuvo paleando la nieve y le pesa el pecho" is what he was doing just now: only a stay dates it.
      `estuv(?:e|o) (?:internad[oa]|hospitalizad[oa]|en (?:el )?(?:hospital|urgencias|emergencias))|antecedentes de|historia de|hace (?:\\d+|unos|varios|dos|tres) (?:anos|meses)|el ano pasado|tuvo un|tuve un`,
    ],
    historyPost: [
      `el ano pasado|la semana pasada|el mes pasado|hace (?:\\d+|unos|varios|dos|tres) (?:anos|meses)|en (?:19|20)\\d\\d|cuando (?:tenia|tenias|era|eramos|estaba) (?:\\d+|chiquit\\w*|nin[oa]|bebe|pequen[oa])`,
    ],
    hypotheticalPre: [
      `si (?:tengo|tiene|me da|le da)|en caso de|senales de|sintomas de|como (?:se|puedo) (?:saber|prevenir)|que (?:causa|es)`,
    ],
    familyHistoryPre: [
      `(?:mi |su )?(?:mama|madre|papa|padre|hermano|hermana|abuel\\w*|tio|tia|familia) (?:tenia|tuvo|murio|fallecio)`,
    ],
    termination: [`, (?:esta|tiene|se|y|mi|su|ahora)|pero|aunque|sin embargo|excepto|ahora`],
  },
  idioms: [
    `me muero (?:de ganas|por saber|de la risa)|me va a dar (?:un )?(?:infarto|ataque)~(?:cuenta|factura|precio)`,
  ],
};
