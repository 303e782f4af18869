import type { LanguagePack } from './types';

/*
 * English, as patients write it in a portal: lay words, misspellings ("pian", "breath" for breathe,
 * "rite"), text-speak ("cant", "n", "pls"). Reusable fragments first.
 */
const CHEST = "(?:chest|chst|chset|cheast|chest's|brest ?bone|breastbone|sternum)";
const PAINW =
  '(?:pain\\w*|pian\\w*|pane|hurt\\w*|ache|aches|aching|achy|pressure|presure|tight\\w*|heav(?:y|iness)|squeez\\w*|crush\\w*|discomfort|sore\\w*|stabb\\w*|sharp|burn\\w*|killing me)';
const CANT =
  "(?:can'?t|cannot|can not|cnt|cant|couldn'?t|could not|unable to|not able to|hard to|difficult to)";
const BREATHE =
  '(?:breath\\w*|breth\\w*|brethe|brea?th|breeth\\w*|get (?:enough |any )?air|get (?:a|my) breath)';
const HIS = '(?:my|his|her|their|the|our)';
const SIDE = '(?:left|right|lft|rite|rt|l|r|one)';
const PILLS =
  '(?:pills?|tablets?|meds|medicine|medications?|capsules?|\\w+codone|sleeping pills|pain pills|gummies|vitamins|tylenol|acetaminophen|advil|ibuprofen|motrin|aleve|aspirin|benadryl|xanax|ativan|klonopin|valium|ambien|seroquel|trazodone|oxycodone|hydrocodone|percocet|vicodin|metoprolol|clonazepam|lorazepam|alprazolam|diazepam|zolpidem|gabapentin|amitriptyline|lithium|insulin|antidepressants?|antipsychotics?|antibiotics?|painkillers?|pain meds|heart pills|blood pressure pills|anxiety (?:meds|pills)|sleep aids?)';
const MEANS = '(?:rope|noose|gun|pistol|rifle|shotgun|firearm|razor|razor blades?|blades?|knife)';
const DRUG_SUFFIX =
  '[a-z]+(?:cillin|mycin|pril|olol|statin|sartan|dipine|zole|oxetine|aline|pram|floxacin|cycline|formin|gliptin|flozin|glutide|dronate|azepam|codone|prazole|thiazide|semide|sone|olone|xaban|parin|triptan|tidine|zepam|tropin)';
/** Medicine names and words for a medicine (not "medical", "medicare"). */
const DRUGS =
  '(?:meds?|medications?|medicines?|inhalers?|insulin|dexcom|libre|cgm|sensors?|test strips|strips|pen needles|needles|supplies|nebuli[sz]er|pens?|patch(?:es)?|symbicort|advair|breo|trelegy|spiriva|albuterol|ventolin|eliquis|xarelto|entresto|farxiga|humira|dupixent|synthroid|levothyroxine|jardiance|ozempic|wegovy|mounjaro|zepbound|trulicity|lexapro|zoloft|prozac|wellbutrin|lyrica|gabapentin|metformin|prednisone|pills?|prescriptions?|rx|drug)';
/** Medicines where an extra dose can sedate, stop breathing or drop blood sugar. */
const HIGH_RISK =
  '(?:ambien|zolpidem|lunesta|xanax|alprazolam|ativan|lorazepam|klonopin|clonazepam|valium|diazepam|oxycodone|oxycontin|percocet|hydrocodone|norco|vicodin|morphine|methadone|fentanyl|tramadol|dilaudid|hydromorphone|suboxone|seroquel|quetiapine|insulin|lantus|novolog|humalog|tresiba|levemir|basaglar|tylenol pm|advil pm|nyquil|unisom|benadryl|gabapentin|lyrica|sleeping pills?|sleep(?:ing)? meds|pain pills|muscle relaxers?|flexeril|soma)';
const ABOUT = '(?:like |about |around |maybe |almost |over |at least |roughly |probably )?';
const MED_SUFFIX =
  '(?:[a-z]+(?:cillin|mycin|pril|olol|statin|sartan|dipine|zole|oxetine|aline|pram|floxacin|cycline|formin|gliptin|flozin|glutide|dronate|azepam|codone|prazole|thiazide|semide|sone|olone|xaban|parin|triptan|tidine|zepam|barb|tropin)|jardiance|ozempic|wegovy|mounjaro|trulicity|lexapro|zoloft|prozac|wellbutrin|lyrica|gabapentin|metformin|amoxicillin|augmentin|bactrim|keflex|cipro|lisinopril|amlodipine|losartan|prednisone|antibiotics?|med\\w*|pills?|dose|dosage|prescription|mg|drug)';
const CRITICAL =
  'insulin|humalog|novolog|lantus|levemir|tresiba|basaglar|toujeo|admelog|fiasp|lyumjev|humulin|novolin|semglee|keppra|levetiracetam|lamotrigine|lamictal|dilantin|phenytoin|depakote|valpro\\w*|carbamazepine|tegretol|oxcarbazepine|trileptal|topiramate|topamax|lacosamide|vimpat|zonisamide|phenobarbital|clobazam|onfi|briviact|xcopri|seizure (?:med\\w*|pills?|meds)|warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|savaysa|edoxaban|lovenox|enoxaparin|plavix|clopidogrel|brilinta|ticagrelor|effient|prasugrel|blood ?thinners?|tacrolimus|prograf|envarsus|cyclosporine|neoral|sandimmune|mycophenolate|cellcept|myfortic|sirolimus|rapamune|everolimus|zortress|transplant (?:med\\w*|meds|pills)|anti-?rejection|biktarvy|genvoya|descovy|truvada|triumeq|dovato|juluca|symtuza|odefsey|complera|stribild|isentress|raltegravir|tivicay|dolutegravir|prezista|prezcobix|darunavir|atripla|cabenuva|hiv (?:med\\w*|meds|pills)|prednisone|prednisolone|hydrocortisone|methylprednisolone|medrol|dexamethasone|fludrocortisone|florinef|steroids?';

export const en: LanguagePack = {
  code: 'en',
  name: 'English',
  latin: true,
  concepts: {
    recurrent_bleeding: [
      `(?:nose ?bleed\\w*|bleed\\w*)~~(?:on and off|keeps coming back|keeps starting|keeps restarting|comes back|all day)`,
    ],
    spinal_injury: [
      `(?:can'?t|cannot|can not|unable to) (?:feel|move) (?:my|his|her|their) (?:legs|arms|feet|lower body|body)`,
    ],
    hernia_stuck: [
      `(?:hernia|bulge|lump|swelling)~~(?:won'?t|will not|doesn'?t|can'?t|cannot) (?:go|push|pop|be pushed) back|hernia~~(?:hard|stuck|painful|turning (?:red|purple))`,
    ],
    cauda_equina: [
      `(?:weak\\w*|numb\\w*)~~(?:both legs|my legs|his legs|her legs)~~(?:(?:trouble|can'?t|cannot|unable to) (?:pee\\w*|urinat\\w*)|(?:lost|losing) control of (?:my |his |her )?(?:bladder|bowels?)|incontinen\\w*)|numb\\w*~~(?:groin|saddle area|between (?:my|the) legs)|(?:lost|losing) control of (?:my |his |her )?(?:bladder|bowels?)`,
    ],
    jaundice: [
      `(?:skin|eyes?|face|whites of (?:my|his|her) eyes)~(?:look |looks |are |is |turned |turning |gone |getting )?(?:yellow\\w*)|jaundic\\w*|turn(?:ed|ing) yellow`,
    ],
    weight_loss: [
      `(?:lost|losing) (?:\\d+|a lot of|so much) (?:pounds|lbs|kg|kilos|weight)~~(?:without trying|not trying|unintentional\\w*|don'?t know why|no reason|not on a diet)|(?:unintentional|unexplained|unexpected) weight loss`,
    ],
    burn: [
      `(?:bad|severe|big|large|deep|huge|serious) burn|burn~~(?:big |large |huge )?blisters? (?:the size|as big|bigger)|burn\\w*~~(?:charred|white|leathery|peeling skin)|(?:big|large|huge) blisters?~~burn\\w*`,
    ],
    limb_numbness: [
      `(?:left|right|lft|rite|one) (?:arm|hand|leg|side|foot|face)~(?:numb\\w*|tingl\\w*)|numb\\w*~(?:left|right|one) (?:arm|hand|leg|side|foot)`,
    ],
    alcohol_withdrawal: [
      `(?:withdrawals?|the shakes|\\bdts\\b|delirium tremens|detox\\w*)~~(?:alcohol|drinking|stop\\w*|quit\\w*)|(?:stop\\w*|quit\\w*|without) (?:drinking|alcohol|a drink)~~(?:shakes|shaking|seizure|withdraw\\w*|saw things|see things|hallucinat\\w*|sweats)|drinking (?:a fifth|a bottle|a handle|\\d+ (?:beers|drinks)) (?:a|every|per) day`,
    ],
    cant_talk: [
      `(?:can barely|can hardly|barely able to|hardly able to) (?:talk|speak|get (?:a )?words? out)`,
    ],
    known_allergy: [
      `allerg(?:ic|y|ies) to|(?:peanut|nut|tree nut|shellfish|egg|bee|wasp|penicillin|sulfa|latex|food) allerg\\w*`,
    ],
    dysphagia: [`(?:hard|difficult|painful|hurts|trouble|difficulty) (?:to )?swallow\\w*`],
    throat_symptom: [
      `throat (?:feels |is |feeling )?(?:funny|weird|tight|itchy|scratchy|strange|thick)|hoarse\\w*|voice (?:is |sounds )?(?:hoarse|different|weird|strange|muffled)`,
    ],
    severe_symptom: [
      `(?:severe|really bad|terrible|horrible|extreme|intense|profuse) (?:diarrh\\w*|vomiting|cramping|cramps|nausea|dizziness|weakness|swelling|bleeding|cough\\w*)`,
    ],
    postpartum_mood: [
      `(?:can'?t|cannot|not able to|unable to) bond with (?:the|my|her) baby|(?:postpartum|post-partum) (?:depression|blues|anxiety|psychosis)|(?:she'?s|shes|i'?m|im|i am|i keep|she keeps) crying all the time`,
    ],
    contractions: [`contractions?|cramping every \\d+ min\\w*|(?:tightening|tightenings) every`],
    ear_drainage: [`ears?~~(?:drain\\w*|discharge|pus|leaking|fluid (?:coming|leaking)|oozing)`],
    hyperglycemia_signs: [
      `(?:peeing|urinating) (?:a lot|all the time|constantly|so much|nonstop)~~(?:thirsty|drinking)|(?:very|super|really|always|extremely|so) thirsty~~(?:pee\\w*|urinat\\w*)`,
    ],
    itching_palms: [`itch\\w*~~(?:palms|soles|hands and feet|feet and hands)`],
    stridor: [
      `stridor|(?:high[- ]pitched|whistling|squeaky|crowing) (?:sound|noise|breathing)~(?:breath\\w* in|inhal\\w*)|noisy breathing`,
    ],
    acute_abdomen: [
      `rigid (?:belly|abdomen|stomach)|(?:belly|abdomen|stomach) (?:is )?(?:rigid|hard as a rock|hard like a board|board[- ]like)|appendix (?:burst|ruptured|popped)`,
    ],
    foreign_body: [
      `swallowed (?:a |an |some )?(?:penny|pennies|nickel|dime|quarter|coins?|screw|nail|pin|earring|bead|button|lego|piece of (?:glass|plastic|metal))`,
      `(?:piece|splinter|shard|chunk|bit) of (?:glass|metal|wood)~~(?:in|stuck|still|under)|(?:glass|splinter|metal|wood)~(?:still )?(?:in|stuck in|under|lodged in) (?:my|his|her) (?:foot|hand|finger|skin|eye|toe)|still a piece (?:of \\w+ )?in (?:my|his|her)`,
      `(?:stuck|lodged) in (?:my|his|her) (?:eye|ear|nose|throat)|(?:put|stuck|shoved|pushed) (?:a |an |the )?\\w+ (?:in|up|into) (?:his|her|my) (?:nose|ear)|something (?:is )?(?:in|stuck in) (?:my|his|her) eye|swallowed (?:a |an )?(?:coin|magnet|toy|bone|marble)`,
    ],
    bite_puncture: [
      `tick bite|bitten by a tick|(?:bulls?[- ]?eye|ring[- ]shaped|target[- ]shaped) rash`,
      `(?:bitten|bit) by (?:(?:a|my|the|our|his|her|their) )?(?:\\w+'?s )?(?:dog|cat|animal|bat|raccoon|stranger|kid|child|person|snake|spider)|(?:dog|cat|animal|bat|human|snake) bite|rusty nail|puncture wound|stepped on (?:a )?nail|deep (?:cut|puncture|gash|laceration)|needs? stitches|gaping (?:cut|wound)`,
    ],
    shingles: [
      `shingles(?! (?:vaccine|shot|jab|vax|shots|one|series|dose))|blisters?~(?:in a band|on one side|in a stripe|in a line)|band of (?:blisters|rash)`,
    ],
    throat_severe: [
      `(?:can'?t|cannot|can not|unable to|hard to) open (?:my|his|her) mouth|drool\\w*|muffled voice|hot potato voice`,
    ],
    hearing_loss: [
      `muffled hearing|hearing (?:is |went |got )?(?:muffled|gone)|(?:sudden|suddenly)~~(?:muffled|can'?t hear|deaf)`,
      `(?:can'?t|cannot|can not) hear (?:out of|in|from|with|anything (?:out of|in|from)) (?:my|his|her) (?:left |right )?ear|sudden\\w*~(?:hearing loss|deaf\\w*|lost (?:my |the )?hearing)|lost (?:the |my |his |her )?hearing`,
    ],
    agitation: [
      `agitat\\w*|restless\\w*|(?:haven'?t|havent|have not|couldn'?t|can'?t) slept|no sleep (?:for|in)|jittery|racing thoughts`,
    ],
    chest_pain: [
      `${CHEST}~${PAINW}(?! (?:from|when|with) cough\\w*)`,
      `${PAINW}~(?:in|on|across|around|of|to|under|behind) ${HIS}? ?${CHEST}`,
      `${PAINW}~between~${CHEST}|(?:crushing|squeezing|pressure|tightness|heaviness)~~${CHEST}`,
      `(?:elephant|elefant|ton of bricks|weight|brick|someone) (?:is |was )?(?:sitting|standing|sittin) on ${HIS} ${CHEST}`,
      `(?:like|feels like) (?:a|an) (?:elephant|elefant|weight|vise|vice)`,
      `heart (?:hurts|is hurting|pain)|squeez\\w*~(?:my |his |her )?heart|heart~(?:being crushed|crushed|being squeezed|in a vise|in a vice|clenched)|${CHEST}~(?:in a vi[sc]e|being (?:crushed|squeezed)|caving in)`,
    ],
    breathing_severe: [
      `grunting|grunts with (?:each|every) breath`,
      `(?:asthma|inhaler|wheez\\w*)~~(?:can barely|can hardly|can'?t|cannot|unable to) (?:talk|speak)`,
      `(?:ain'?t|aint|isn'?t|isnt|not|is not) breath\\w* (?:right|normal\\w*|good|well|properly)`,
      `${CANT} (?:${BREATHE})(?! (?:through|thru|out of|from) ${HIS} nose)(?! (?:at night )?(?:when|if) (?:i |he |she )?(?:lie|lay))`,
      `(?:struggl\\w*|fighting|gasping|gasp) (?:to breathe?|for (?:air|breath|his breath|her breath|my breath))`,
      `gasping`,
      `(?:breath\\w*)~~(?:can barely|can hardly|can'?t|cannot) (?:talk|speak)|(?:can barely|can hardly|can'?t|cannot) (?:talk|speak)~~breath\\w*`,
      `(?:short of breath|shortness of breath|${CANT} catch ${HIS} breath|out of breath|winded|hard to breathe|trouble breathing)~~(?:at rest|sitting still|even sitting|while sitting|sitting down|lying (?:down|still)|doing nothing|resting)`,
      `ribs (?:showing|sucking|pulling)|(?:breath\\w*)~(?:struggl\\w*)|struggl\\w* to breathe`,
      `(?:can only|only able to|only|can barely|barely) (?:say|speak|talk|get out|getting out|get) (?:a few|\\d|one|two|three|2 or 3|two or three|1 or 2|a couple(?: of)?) words`,
      `${CANT} (?:finish|complete|speak in|talk in|say) (?:a |full |whole |complete )?sentences?`,
      `(?:skin|chest|ribs?|neck|belly)~(?:sucking|pulling|caving|sinking) in`,
      `(?:sucking|pulling|caving) in (?:between|under|around) ${HIS} ribs`,
      `retractions|nostrils flaring|flaring (?:his|her) nostrils`,
      `can (?:barely|hardly) (?:${BREATHE})|not getting (?:any |enough )?air|barely breathing|(?:breathing|breaths) (?:is |are )?(?:really |very |so |super |scary |dangerously )slow\\w*`,
      `(?:feel|feels|feeling) like (?:i'?m|im|i am|he'?s|she'?s) (?:suffocating|drowning)`,
      `(?:breathing|breath) (?:is |was )?(?:really |very |super |extremely )?(?:terrible|awful|horrible)`,
      `(?:severe|extreme|really bad|very bad|terrible) (?:trouble|difficulty|shortness)~breath\\w*`,
    ],
    cyanosis: [
      `(?<!(?:toe|toes|foot|feet|finger|fingers|ankle|knee|wrist|arm|leg|hand|bruise|nail|elbow|shin|thumb|it|bump|spot|area|skin) )(?:hes|shes|he'?s|she'?s|looks?|looking|is|turning) (?:all |kinda |so |really )?(?:gr[ae]y|ashen|purple)\\b`,
      `(?:lips?|face|fingertips|fingers|mouth|skin)~(?:turn\\w* |look\\w* |are |is |kinda |kind of |a little |getting )?(?:blue|bluish|gr[ae]y|gr[ae]yish|purple|purplish|dusky)`,
      `turning (?:blue|gray|grey|purple)`,
      `cyanosis|cyanotic`,
    ],
    stroke_face: [
      `(?:left|right|one) side of (?:my|his|her|their|the) face~(?:droop\\w*|sag\\w*|down|numb\\w*|not moving|won'?t move|paraly\\w*|frozen|weird)|(?:can'?t|cannot|can not|unable to) close (?:my|his|her) (?:left |right )?eye`,
      `face~(?:droop\\w*|sag\\w*|crooked|lopsided|uneven|twisted|drop\\w*|fallen|pulled)`,
      `(?:droop\\w*|sag\\w*|crooked|lopsided|uneven) (?:face|smile|mouth|lip)`,
      `(?:mouth|smile|lip)~(?:crooked|droop\\w*|lopsided|uneven|pulling to one side|sagging)`,
      `one side of ${HIS} (?:face|mouth)~(?:droop\\w*|sag\\w*|down|numb|not moving|weird)`,
      `(?:facial|face) (?:droop|weakness|palsy)`,
    ],
    stroke_speech: [
      `(?:words|speech|talking|sentences)~(?:aren'?t|are not|isn'?t|is not|not|won'?t|don'?t|doesn'?t) (?:coming out|come out|making (?:any )?sense|right|working)`,
      `(?:words|speech)~(?:all )?(?:jumbled|garbled|mixed up|nonsense)|(?:can'?t|cannot|doesn'?t|does not) understand (?:me|us|what (?:i|we)'?m saying|what (?:i|we) say)`,
      `slurr\\w*|(?:speech|talking|voice)~(?:got |is |sounds |became |getting )?(?:thick|thicker|slow and thick|weird|strange|off)\\b`,
      `(?:talking|speaking|talks) (?:funny|weird|strange|gibberish|nonsense|garbled|all jumbled|drunk)`,
      `(?:sounds?|sounding|sounded) (?:drunk|drunken)`,
      `(?:words|speech)~(?:come|coming|came|are coming|comes) out (?:wrong|jumbled|garbled|funny|weird|mixed up|all wrong)`,
      `${CANT} (?:get (?:the|his|her|my) words out|find (?:the |his |her |my )?words|speak|talk)(?! (?:to|with|about|on|english|spanish))`,
      `(?:trouble|difficulty|problems?) (?:speaking|talking|getting (?:the |his |her )?words out|finding words)`,
      `garbled|gibberish|aphasia`,
    ],
    stroke_weakness: [
      `(?:weak\\w*|numb\\w*|paraly\\w*|limp|dead|heavy|tingl\\w*)~(?:on )?(?:one|left|right|1) side`,
      `(?:one|left|right) side of ${HIS} (?:body|face)~(?:weak|numb|droop|dead|limp|not working|won'?t move)`,
      `${CANT} (?:lift|raise|move|feel|use|grip|hold up|hold) ${HIS} ${SIDE}? ?(?:arm|hand|leg|foot|side)`,
      `${SIDE} (?:arm|hand|leg|side)~(?:weak|dead|limp|floppy|useless|paraly\\w*|not working|giving out|(?:won'?t|can'?t|doesn'?t|cannot) (?:work|move|grip|hold|lift|squeeze|grab))`,
      `(?:hand|arm)~keeps (?:dropping|falling|giving)`,
      `(?:keeps|keep|kept) dropping (?:things|stuff|${HIS} (?:fork|cup|spoon|phone|glass))`,
      `(?:sudden\\w*|all of a sudden|out of nowhere)~(?:numb\\w*|weak\\w*|paraly\\w*)`,
      `half (?:of )?${HIS} body`,
      `(?:sudden\\w*|all of a sudden)~(?:severe|extreme|terrible|bad|really bad) (?:dizz\\w*|vertigo|imbalance)|${CANT} walk (?:straight|a straight line|without falling)`,
      `dragg\\w* (?:his|her|my) (?:left |right )?(?:foot|leg)|hemipar\\w*|hemipleg\\w*`,
    ],
    vision_loss: [
      `(?:can'?t|cannot|can not|unable to) see (?:properly |clearly |well |right )?(?:out of|from|with) (?:either|both|my|his|her)`,
      `(?:sudden\\w*|all of a sudden|out of nowhere)~(?:lost|loss of|can'?t see|blind|went black|went dark|vision (?:went|is gone))`,
      `(?:suddenly |just )?lost (?:the |all )?(?:vision|sight|eyesight)`,
      `${CANT} see (?:out of|from|with|anything)`,
      `went blind|gone blind|(?:curtain|shadow) (?:over|across|coming down|came down)`,
      `(?:vision|eye|sight) (?:went|going|turned) (?:black|dark|gray|grey|out)`,
    ],
    throat_swelling: [
      `tongue~(?:swell\\w*|swollen|puff\\w*|thick|big)`,
      `(?:swell\\w*|swollen|puff\\w*)~tongue`,
      `throat~(?:closing|clos\\w* up|tight\\w*|is tight|feels tight|is swelling|swelling up|swelled up|feels like it'?s swelling)`,
      `(?:closing|tightening|tight) (?:of )?(?:my |his |her |the )?throat`,
      `(?:can'?t|cannot|can not|cnt|cant|couldn'?t|could not|unable to|not able to) swallow(?! (?:pills?|tablets?|the pills|big pills|capsules))`,
    ],
    suicide_plan: [
      `(?:belt|rope|cord|sheet|scarf|noose|ligature) (?:around|round) (?:his|her|my|their) neck|\\bnoose\\b|tried to hang`,
      `(?:thinking|thoughts?|think) (?:about|of) (?:driving|crashing|jumping|shooting|hanging|overdosing|walking)~~(?:into|off|myself|in front of)|(?:drive|driving|crash|crashing|steer|drove) (?:my |his |her |their |the )?(?:car |truck )?(?:into|off) (?:a |the )?(?:wall|tree|traffic|oncoming|river|lake|bridge|cliff|pole|bus|train|ocean|water|overpass)|step in front of (?:a )?(?:train|bus|car|truck|traffic)|(?:don'?t|do not) feel safe (?:with|around|by) myself|not safe (?:with|around|by) myself`,
      `\\bkms\\b|unaliv\\w*`,
      `(?:kill|killing|hang|hanging|shoot|shooting|off|offing) (?:my ?self|myself|(?:him|her|them)sel(?:f|ves))`,
      `(?:end|ending) (?:my|my own) life|end it all|ending it all|take (?:my own|my) life|taking my (?:own )?life`,
      `suicid\\w*~(?:plan|tonight|pills|gun|going to|gonna|note|attempt)`,
      `(?<!(?:like|think|thought|afraid|scared|worried|sure|swear) (?:i'?m |im |i am |i was |i'?ll be )?)(?:plan|planning|going|gonna|decided|want|wanna|ready) to (?:die|kill myself|end it|end my life)(?! (?:from|of|if|lol|haha|laughing|when|waiting))`,
      `(?:take|taking|swallow|swallowing|tomar) (?:all|the whole|a whole|every one of|all of) (?:my|the|these|those|of my|of the|of these)? ?(?:${PILLS}|bottle)(?! (?:in the (?:morning|evening)|at (?:night|bedtime|the same time|breakfast|dinner|lunch|once a day)|with (?:food|breakfast|dinner|lunch|meals?|water|milk)|every (?:day|morning|night|evening)|each (?:day|morning|night)|as (?:prescribed|directed)|on time|daily|together|before|after|first thing|in one go in the morning|correctly|right))`,
      `overdose on purpose|tried to (?:kill|hurt) (?:my ?self|myself)|attempted suicide|suicide attempt`,
      `jump (?:off|from) (?:a|the) (?:bridge|building|roof)`,
      `(?:bottle|handful|bunch|box) of (?:${PILLS})~~(?:takin|taking|take|swallow\\w*|down\\w*) (?:em|them|it|those|all)\\b|tonight(?: is|'?s) the night(?! (?:of|for|before|i start|we))|(?:sent|texted|showed)~(?:picture|photo|pic|video) of (?:a |his |her |their |the |my )?${MEANS}|(?:sent|texted|wrote|left|got|received) (?:me |us |her |him )?(?:a |his |her |their )?(?:goodbye|good-bye|farewell|suicide) (?:text|note|letter|message|video|email)|(?:goodbye|farewell) (?:text|note|letter|message)~~(?:sorry|loves?|not (?:answering|picking up|responding))|${MEANS}~~(?:i'?m |i am )?(?:going to|gonna|about to) (?:do it|use (?:it|them))`,
      // First-person intent to hurt oneself: "might hurt myself tonight", "I'm going to end it".
      `(?:might|may|could|going to|gonna|will|i'?ll|want to|wanna|plan(?:ning)? to|about to|ready to|afraid i'?(?:ll|m going to)|scared i'?(?:ll|m going to)|worried i'?(?:ll|m going to)|urge to|urges to) (?:do something to|hurt|harm|kill|cut|shoot|hang|poison|off) (?:my ?self|myself|(?:him|her|them)sel(?:f|ves))`,
      `(?:going to|gonna|ready to|about to|plan(?:ning)? to|decided to|want to|wanna|i'?ll|i will) end (?:things|everything)\\b(?! (?:with|between))`,
      // Means at hand, ready or about to be used.
      `${MEANS}~(?:is |are )?(?:ready|all ready|loaded|lined up|set out|laid out|in (?:my|the) (?:hand|pocket|lap))(?! for| to (?:go|be|pick))`,
      `(?:${MEANS})~~(?:thinking about|thought about|keep thinking|kept thinking|want to|going to|gonna|tempted to|plan to|planning to|ready to) us(?:e|ing) (?:it|them)`,
      `(?:going to|gonna|will|plan to|about to|planning to) take (?:them|it|those|these|all of them|the (?:whole|entire) bottle)~~(?:tonight|after|when|once|before|everyone|asleep|sleep|bed|goes to|go to|leaves?)`,
      `(?:cut|slit|slashed) (?:my|his|her) wrists?|hang(?:ed|ing)? (?:my|him|her)sel(?:f|ves)|tried to (?:hang|overdose|jump|drown)`,
      `(?:going to|gonna|will|plan to|about to) (?:take|swallow|down) (?:all|every one|the rest) of (?:them|it|those|these)`,
      `(?:thinking (?:of|about)|think about|going to|gonna|plan(?:ning)? to|want to|about to) (?:us(?:e|ing)|tak(?:e|ing)|inject(?:ing)?|swallow(?:ing)?) (?:them|those|these|it) all\\b|(?:i'?ll|i will|i'?m going to|im going to|going to|gonna|plan to|planning to|about to|decided to|when i) (?:take|swallow|down) (?:them|those|these|it) all\\b`,
    ],
    harm_others: [
      `(?:bring|take|brought|bringing|taking) (?:a |his |her |my |their |the )?(?:gun|guns|knife|weapon|rifle)s? (?:to|into) (?:school|work|class|church|the office)|(?:going to|gonna|wants? to|plans? to|planning to|says? (?:he|she)(?:'?ll| will))~~(?:hurt|kill|shoot|stab) (?:people|everyone|everybody|students|kids at school|coworkers)\\b`,
      `(?:choked|strangled|chokes|strangles|tried to (?:choke|strangle|drown|kill)) (?:me|us|my (?:kids|children|baby|son|daughter))\\b|(?:hands|hand|arm) (?:around|on) my (?:neck|throat)`,
      // Threats of violence against the patient (domestic violence) are a danger now.
      `(?:threaten\\w*|(?:said|says|saying|told me|swore|keeps saying|yelled|yelling|screaming|texted|texting) (?:that )?(?:(?:next time|if i \\w+|when i \\w+|one day|someday|tonight) )?(?:he|she|they)(?:'?d|'?ll|'?s|'?re| would| will| is| are| was)?(?: going to| gonna)?) (?:to )?(?:kill|hurt|harm|beat|shoot|stab|choke|strangle|attack|burn) (?:me|us|my (?:kids|children|baby|babies|son|daughter|family|mom|dad)|the (?:kids|children|baby))`,
      `(?:afraid|scared|fear\\w*|terrified|worried) for (?:my|our|the kids'?|my kids'?|my children'?s) (?:life|lives|safety)|(?:afraid|scared|terrified) (?:he|she|they)(?:'?ll|'?s going to| will| is going to| is gonna| are going to) (?:kill|hurt|beat|shoot|stab) (?:me|us)`,
      `(?:he|she|husband|wife|boyfriend|girlfriend|partner|ex)~(?:has|got|is holding|pulled|waving|pointed) (?:a |his |her )?(?:gun|knife) (?:at|on|to) (?:me|us|my)`,
      `(?:thoughts?|thinking|urges?|want|wanting|wanna|keep having thoughts) (?:of |about |to )?(?:hurting|killing|harming|stabbing|shooting|hurt|kill|harm) (?:my |his |her |a |the )?(?:coworker|co-worker|boss|neighbou?r|wife|husband|partner|baby|kids?|children|son|daughter|mom|dad|mother|father|someone|somebody|people|others|him|her|them)`,
      `voices?~(?:telling|tell|tells|told) (?:him|her|me|them) to (?:hurt|kill|harm|attack)`,
      `(?:wants?|wanted|wanna|going|gonna|threaten\\w*|plans?|planning|thoughts? (?:of|about)|thinking (?:of|about)|urges? to) (?:to )?(?:kill|hurt|harm|shoot|stab|strangle)\\w* (?:him|her|them|someone|somebody|people|my \\w+|his \\w+|her \\w+|their \\w+|the (?:neighbou?r|boss|teacher|coworker|co-worker|kids?|baby)|others)`,
    ],
    bleeding_heavy: [
      `bleed\\w*~(?:for|over|more than) (?:over |more than |almost |about )?(?:an hour|a half hour|half an hour|\\d+ (?:hours?|minutes|mins))|bleed\\w*~~(?:won'?t|will not|doesn'?t|does not|can'?t) stop\\b`,
      `soak\\w* through (?:my |his |her |the )?(?:clothes|shirt|pants|bandages?|dressings?|towels?|sheets|gauze)`,
      `(?:won'?t|wont|will not|doesn'?t|does not|can'?t|isn'?t|hasn'?t) (?:stop|quit) bleed\\w*`,
      `(?:nose ?bleeds?|bleed\\w*|blood)~(?:won'?t|wont|will not|doesn'?t|does not|can'?t|not|isn'?t|hasn'?t) (?:stop|slow)`,
      `${CANT} (?:stop|get) (?:the )?bleed\\w*`,
      `(?:constant|nonstop|non-stop|continuous) bleeding|(?:keeps|kept|still) bleeding~(?:hours?|all day|all night)|bleeding for (?:\\d+|over|more than|almost) (?:hours?|an hour|minutes|mins)`,
      `soak\\w*~(?:gauze|towels?|bandages?|dressings?)`,
      `(?:gushing|spurting|pouring|squirting) blood|blood (?:is |was )?(?:gushing|spurting|pouring|squirting)`,
      `(?:bleeding|bled) (?:through|everywhere|profusely|like crazy|badly)`,
      `(?:lots|a lot|tons|so much|a ton) of blood|pool of blood|hemorrhag\\w*`,
    ],
    vomit_blood: [
      `(?:vomit\\w*|throw\\w* up|threw up|puk\\w*|cough\\w* up|spit\\w* up|spitting) (?:up )?(?:some |a lot of |bright red |dark )?blood`,
      `blood in ${HIS}? ?(?:vomit|throw ?up|puke)|bloody (?:vomit|throw ?up)|coffee ?grounds?|hematemesis|hemoptysis`,
    ],
    worst_headache: [
      `(?:headache|head|migraine)~~worst (?:one |ones )?(?:ever|of (?:my|his|her) life|i'?ve ever had)`,
      `worst (?:headache|head ache|migraine|pain in ${HIS} head|head pain)(?: \\w+)?(?: of (?:my|his|her) life| ever| i'?ve ever)`,
      `worst (?:headache|head ache|head pain) (?:of|in) (?:my|his|her) (?:life|entire life)`,
      `thunder ?clap`,
      `(?:sudden\\w*|out of nowhere|all of a sudden|like a bomb|explod\\w*)~(?:severe|worst|terrible|explosive|excruciating|horrible|massive|splitting) (?:headache|head pain|head ache)`,
      `(?:severe|worst|terrible|explosive|excruciating|massive) (?:headache|head pain)~(?:sudden\\w*|out of nowhere|all of a sudden|came on (?:fast|suddenly))`,
      `(?:headache|head pain)~(?:hit|came on|started) (?:me )?(?:like a|suddenly|out of nowhere|all at once|instantly)`,
    ],
    fainting: [
      `(?<!(?:almost|nearly|about to|going to|gonna|might|would|felt like i|feel like i|like i|think i'?ll|could) )(?:pass(?:ed|es)? out|passing out|fainted|fainting|faint(?:ed)? spells?|black(?:ed|s)? out|blacking out|lost consciousness|loss of consciousness|knocked out|syncop\\w*|collaps\\w*)`,
      `(?:went|goes) limp and (?:fell|dropped)|fell (?:down )?unconscious|los(?:e|es|ing) consciousness|(?:everything|the world|the room) (?:went|goes|going|turned) (?:black|dark|grey|gray)`,
    ],
    confusion: [
      `(?:seeing|hearing) things (?:that )?(?:aren'?t|are not|that are not|nobody else) (?:there|sees|hears)|hallucinat\\w*`,
      `(?<!(?:i'?m|im|i am|i was|i got|i get|i feel|am|so|bit|little|kinda|kind of|totally|very|really|also|more) )confused(?! (?:about|by|as to|why|how|with|on|regarding|what|which|where|when|if|because|at|by))`,
      `(?:very|really|more|so|seems|seemed|getting|acting|suddenly|new|is|he'?s|she'?s|hes|shes) (?:very |really |so )?(?:confused|disoriented)`,
      `confusion|disorient\\w*|delirious|delirium|altered mental`,
      `(?:feel|feels|feeling|felt) (?:very |really |so |kind of |kinda |a bit |super )?(?:confused|disoriented|(?<!(?:kind of|kinda|a bit|a little|slightly) )foggy|out of it)(?! (?:about|by|with|as to|on|regarding|why|how|what))`,
      `(?:doesn'?t|does not|didn'?t|did not|don'?t|doesnt|dont) (?:know|recogni[sz]e) (?:where (?:she|he|they|i) (?:is|are|was|am)|what day|what year|who (?:i|we) (?:am|are)|me|us|his own|her own|her (?:kids|husband|daughter|son)|his (?:kids|wife|daughter|son))`,
      `(?:doesn'?t|does not|don'?t|isn'?t|is not|not) mak(?:e|ing) (?:any )?sense(?! (?:of|to me why))|not making (?:any )?sense|${CANT} think straight|(?:can'?t|cannot|won'?t|isn'?t|not|unable to) (?:answer|answering|respond|responding) (?:me|us|questions)`,
      `(?:asking|asks|repeating|repeats|saying|says) (?:the )?same (?:questions?|things?)~(?:over|again)`,
      `(?:acting|talking|behaving) (?:strange|strangely|weird|weirdly|crazy|bizarre|drunk|loopy|off)`,
      `(?:very|really|super|extremely|so) (?:drowsy|sleepy|groggy)~(?:hard|difficult|won'?t|can'?t) (?:to )?wake`,
      `hard to (?:wake|rouse)|won'?t wake (?:up )?(?:all the way|fully)`,
      `(?<!(?:i'?m|im|i am) (?:\\w+ )?)(?:really|very|so|totally|completely|kinda|kind of|seems|seemed|just|pretty) out of it`,
    ],
    unresponsive: [
      `(?:limp|floppy)~(?:won'?t|not|can'?t|isn'?t) (?:wake|waking|respond\\w*)|and (?:won'?t|wont|will not) wake up`,
      `unconscious(?:ness)?|unresponsive|not responding|won'?t respond|isn'?t responding|not waking up|no pulse`,
      `(?:can'?t|cannot|couldn'?t|unable to) get (?:him|her|them|my \\w+) to (?:wake|respond|answer|open (?:his|her|their) eyes)|(?:won'?t|can'?t|cannot|couldn'?t) (?:wake|rouse) (?:him|her|them|my \\w+)(?: up)?`,
      `(?:he|she|they|baby|my \\w+) (?:won'?t|wont|will not|doesn'?t|isn'?t|is not) (?:wake|waking|wak\\w*) up`,
      `(?:isn'?t|is not|not|stopped|quit|wasn'?t|was not) breathing(?! (?:well|right|good|normally|through|as|very|hard|heavy|fast|deeply))`,
    ],
    seizure: [
      `(?:had|having|has had|just had|is having|was having) (?:a |another |her first |his first |my first |a bad |a big )?(?:seizure|fit|convulsion)\\b`,
      `seizing|convuls(?:ing|ed)|(?:new|first) seizure|seizure (?:today|tonight|this morning|just now|right now|that won'?t stop|won'?t stop|lasting|for (?:\\d+|over|more than))|grand mal (?:seizure )?(?:today|just now)`,
    ],
    overdose: [
      `(?:whole|entire|full) (?:month|week|bottle|supply|prescription)~~at once|(?:a |the )?(?:whole|entire) (?:month|week)'?s? (?:supply|worth)`,
      `(?:took|swallowed|ate|taking) (?:some |a few |a couple )?(?:pills|drugs|tablets|something|gummies)~~(?:bought online|from (?:a|his|her|my) friend|off the street|(?:not sure|don'?t know|no idea) what)|(?:street drugs|unknown pills|laced)`,
      `swallowed~(?:magnets?|button batter(?:y|ies)|batter(?:y|ies))`,
      `\\bod'(?:d|ed)\\b|overdid it on (?:my |his |her )?(?:meds|pills|medicine)`,
      `overdos\\w*|over-dos\\w*`,
      `took (?:all|the rest) (?:of )?(?:my|his|her|the|their) (?:${DRUG_SUFFIX}|sertraline|zoloft|lexapro|prozac|wellbutrin|lithium|seroquel|tylenol|ambien|xanax|ativan|klonopin|valium|percocet|norco|tramadol|methadone|morphine|metoprolol|propranolol|amitriptyline|trazodone)(?! (?:this|today|as|like|on time|at|with|every|in the|tonight|yesterday|before|after|for))`,
      `took all (?:of )?(?:my|the|his|her|their) (?:\\w+'?s )(?:[\\w-]+ ){0,2}${PILLS}(?! (?:in the|at|with|every|each|as|on time|daily|today|this|before|after))|took (?:way )?(?:too many|too much|a bunch of|a handful of|extra \\w+ by mistake|a whole bottle|the whole bottle|all (?:of )?(?:my|the|his|her) (?:\\w+ )?${PILLS})`,
      `\\ball (?:of )?(?:my|his|her|the|their)~at once|took~~(?:[2-9]\\d|\\d{3}) (?:pills|tablets|capsules)`,
      `(?:swallowed|ingested|ate|drank|chewed|got into) (?:(?:some|a few|several|a bunch|a handful|a lot|lots|all|most|half|the rest|a whole bottle) (?:of )?)?(?:${HIS} |a |an |(?:grandma|mom|dad|grandpa)'?s )?(?:\\w+ )?(?:${PILLS}|patch(?:es)?|pill bottle|bottle|bleach|cleaner|detergent|pods?|antifreeze|batter(?:y|ies)|cabinet|purse)`,
      `(?:pill bottle|pills?|tablets?|meds|medicine|medications?|capsules?)~(?:in (?:his|her) mouth)`,
      `(?:found|caught) (?:him|her|my \\w+|the \\w+) with (?:my|the|a|an|his|her)~(?:pill|pills|pill bottle|medicine|meds|bottle)`,
      `(?<!food |lead )poison(?:ed|ing)?\\b(?! ivy| oak| sumac)`,
      `(?:drank|swallowed|ingested) (?:some )?(?:bleach|antifreeze|cleaner|lye|gasoline|lamp oil|windshield fluid)|laundry pods?|button batter(?:y|ies)`,
      `took~(?:through|thru) \\w+~at once`,
      `took (?:a|an entire|the|half a|a whole|the whole|most of (?:a|the)|an|half the) bottle`,
      `(?:drank|swallowed|ingested|drinking) (?:some |a |the )?(?:\\w+ )?(?:washer fluid|windshield fluid|mouthwash|hand sanitizer|nail polish remover|cleaning (?:fluid|product|spray)|chemicals?|pesticide|weed killer|rat poison)`,
      // "Took all of them at once", not "I can't pay that all at once".
      `(?:(?:\\d+|two|three|four|five|six|seven|several|many|multiple|all) (?:days?'?|doses?|days'? worth|weeks?'?)~|(?<!(?:pay|paid|paying|do|did|doing|happen\\w*|came|come|coming|hit|said|say|ask\\w*)(?: (?:it|that|this|them|everything|those))? )all )at once`,
      `(?:took|swallowed|ate|taken|downed|had) ${ABOUT}(?:[5-9]|\\d\\d+|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|a lot|lots|a bunch|a handful|a whole bunch) (?:of )?(?:my |his |her |the |these |those )?(?:[\\w-]+ ){0,2}${PILLS}`,
    ],
    fetal_movement: [
      `(?:baby|babe)~(?:moving|kicking|movements?) (?:a lot |much |way )?(?:less|slower|fewer)\\b`,
      `(?:baby|babe|bebe|fetus)[^.!?;\\n]{0,30}?(?:stopped|not|n'?t|no longer|less|decreased|reduced|barely|hardly)[^.!?;\\n]{0,20}?(?:mov\\w*|kick\\w*)`,
      `(?:haven'?t|have not|havent|not|no|didn'?t|don'?t|can'?t|cannot) (?:felt|feel|feeling)~(?:baby|babe|him|her|it)~(?:mov\\w*|kick\\w*)`,
      `(?:no|less|decreased|reduced|fewer|barely any) (?:fetal )?(?:movement|movements|kicks|kicking)`,
    ],
    anaphylaxis: [
      `anaphyla\\w*`,
      `(?:used|gave|give|had to use|needed|using|giving) (?:my |his |her |an |the )?epi ?-?pen`,
      `epi ?-?pen~(?:used|gave|give|had to|using|needed)`,
    ],
    choking: [
      `(?:is|was|he'?s|she'?s|i'?m|started|keeps) choking`,
      `chok\\w*~(?:can'?t|cannot|not) (?:breath\\w*|talk|cough|speak)`,
    ],
    heart_attack: [
      `(?:am|i'?m|im|is|he'?s|she'?s|hes|shes|are|might be|could be|may be|think (?:\\w+ )?(?:is |am |'?s |'?m )?|feel like i'?m|feels like i'?m|scared (?:i'?m|he'?s|she'?s)|worried (?:i'?m|he'?s|she'?s)) having (?:a |an )?(?:heart attack|heart attak|hart attack|heartattack|cardiac arrest)`,
      `(?:just had|is in|went into) (?:a )?(?:heart attack|cardiac arrest)`,
    ],
    stroke: [
      `(?:am|i'?m|im|is|he'?s|she'?s|hes|shes|might be|could be|may be|think (?:\\w+ )?(?:is |am |'?s |'?m )?|scared (?:i'?m|he'?s|she'?s)|worried (?:i'?m|he'?s|she'?s)) having (?:a |another )?(?:stroke|tia|mini[- ]?stroke)`,
      `(?:just had|is having) (?:a |another )?(?:stroke|tia|mini[- ]?stroke)`,
    ],
    open_fracture: [
      `(?:bone|bones)~(?:sticking|poking|coming|showing|through the skin|out of (?:the|my|his|her) skin)|(?:see|seen|see the|can see) (?:the |a )?bone|(?:bent|twisted|pointing|turned|facing) (?:the )?wrong (?:way|direction)|(?:at|in) (?:a |an )?(?:weird|odd|strange|funny|unnatural|crazy) angle|(?:extra|second|new|weird) bend in (?:it|his|her|my)|bent like (?:an? )?(?:s|z|l|banana|noodle)\\b|(?:arm|leg|hip|thigh|ankle|wrist|elbow|knee|shoulder) (?:is |looks |was )?(?:deformed|mangled|crushed)|(?:leg|foot) (?:is |looks |seems )?(?:shorter|turned out|rotated|turned outward)|open fracture|compound fracture`,
    ],
    injury_pain: [
      `hurts? (?:a lot |too much |so much |really bad |badly |like crazy )?(?:to|when (?:i|he|she|you)(?: try to| tries to| trying to)?) (?:move|bend|turn|walk|stand|put (?:any )?weight|touch|lift|raise|use)\\b|(?:can'?t|cannot|can not|unable to|can'?t really|can barely|can hardly|won'?t|will not|refuses to) (?:really )?(?:walk|put (?:any )?weight|stand|step|move|use) (?:on|with) (?:it|that|my|his|her|the)|(?:can'?t|cannot|can barely|won'?t) (?:move|use|bend|straighten) (?:it|that)|(?:can'?t|cannot|couldn'?t|unable to) get (?:up|back up) (?:off|from) the (?:floor|ground)|(?:fell|fall)~~(?:can'?t|cannot|couldn'?t) get up\\b`,
    ],
    fracture_signs: [
      `(?:broke|fractured) (?:my|his|her|their) (?:arm|leg|wrist|ankle|hip|foot|hand|finger|toe|nose|collarbone|elbow|rib)|won'?t (?:move|use|bend|put weight on) (?:it|her \\w+|his \\w+)`,
      `(?:wrist|ankle|arm|leg|hip|knee|foot|elbow|shoulder|hand|finger|toe|collarbone|shin|forearm)~(?:is |looks |got |turned )?(?:huge|swollen|swelled up|puffed up|purple|black and blue|bruised)~~(?:(?:after|since|from) (?:the|my|his|her|a) (?:fall|accident|crash)|fell|tripped|slipped|landed|hit|crash\\w*)|(?:fell|tripped|slipped|landed)~~(?:wrist|ankle|arm|leg|hip|knee|foot|elbow|shoulder|hand|finger|toe|collarbone)~(?:is |looks |got |turned )?(?:huge|swollen|swelled up|puffed up|purple|black and blue|bruised)`,
      `(?:slammed|crushed|jammed|smashed) (?:in|by|under|with)|swollen and (?:purple|blue|black)|(?:purple|blue|black) and swollen`,
      `(?:looks|is|looking|seems) (?:\\w+ )?(?:bent|crooked|deformed|out of place)|bone (?:is )?(?:sticking|poking) out|${CANT} (?:move|bend|straighten|use) ${HIS} (?:wrist|arm|leg|ankle|knee|fingers?|elbow|hip|shoulder)|broken (?:bone|arm|leg|wrist|ankle|hip|foot|hand)|fractur\\w*|dislocat\\w*`,
    ],
    device_problem: [
      `(?:catheter|foley|ostomy|stoma|feeding tube|g-?tube|drain|insulin pump|picc(?: line)?|port)~(?:not draining|isn'?t draining|stopped draining|blocked|clogged|fell out|came out|pulled out|not working|stopped working)`,
    ],
    dose_error: [
      `(?:took|taken|given|gave|had) (?:him |her |myself )?(?:my|his|her|the|their) (?!(?:blood pressure|bp|temp|temperature|sugar|glucose|reading|weight|pulse|kids?|dog|test)\\b)(?:[\\w-]+ ){1,3}twice\\b|took (?:my|his|her|the) (?:[\\w-]+ ){0,3}(?:pills?|meds?|medicines?|doses?|tablets?|insulin|shot|injection) twice|(?:accidentally|mistakenly|by mistake|by accident) (?:took|gave|taken|given)|(?:took|gave|given|taken|injected|doubled)~(?:by mistake|by accident|accidentally)|(?:gave|injected|shot) (?:myself|him|her|himself|herself)? ?(?:my |his |her |the )?(?:[\\w-]+ ){0,3}(?:twice|two times|double|again)\\b|(?:wrong|someone else'?s) (?:pills?|meds?|medications?|medicine|prescription|dose|insulin)`,
      `took (?:a |my |his |her )?(?:double|twice|triple|extra|two|2|three|3) (?:the )?(?:doses?|pills?|tablets?|dosage|amount)|took (?:it|them|my \\w+|his \\w+|her \\w+) twice|double(?:d)? (?:up )?(?:on )?(?:my|her|his) (?:dose|pills|meds)|took double|(?:took|taken|had) (?:my |his |her )?(?:[\\w-]+ ){0,3}(?:${HIGH_RISK})~~(?:too|as well|again|also)\\b|(?:accidentally|mistakenly) (?:put on|applied|injected|doubled|double[- ]?dosed)|(?:put|stuck|applied|wearing) on (?:two|2|three|an extra|another) (?:patch(?:es)?|fentanyl|butrans|nicotine)?\\b|(?:${HIGH_RISK})~~(?:took|take|taking|had|gave|given) (?:another|a second|one more|an extra)\\b|(?:took|had) (?:another|a second|one more|an extra) (?:one|dose|pill|tablet)?~~(?:${HIGH_RISK})|took ${ABOUT}(?:3|4|three|four) (?:of )?(?:my |his |her |the )?(?:${HIGH_RISK})|(?:took|gave|injected|given|taken|drew up|dialed|shot) (?:[\\w-]+ ){1,5}instead of (?:\\d+|one|two|the usual|my usual|his usual|her usual)|(?:took|taken|had|gave|given|injected|did) (?:an? |my |his |her )?(?:extra|additional|second|another|double) (?:dose|pill|tablet|shot|injection|puff|patch)(?:es|s)?|(?:got|took|ate|swallowed|was given|given|gave (?:him|her|them)|got into) (?:his|her|my|their|a|the) \\w+'?s (?:[\\w-]+ ){0,2}(?:medicines?|meds|pills?|medications?|tablets?|insulin|prescription)(?! (?:box|bottle|organizer|case))|double[- ]?dos\\w*|doubled (?:up|my|his|her)$\\b|took (?:\\d+|two|three|four|five|six) (?:of (?:my|his|her|the) )?(?:[\\w-]+ )?(?:\\w+ )?instead of (?:\\d+|one|two|the usual|my usual)|(?:more|extra) (?:than (?:prescribed|i was (?:supposed|told) to|directed|recommended|the (?:label|bottle) says))`,
    ],
    petechial_rash: [
      `(?:don'?t|dont|doesnt) (?:fade|go away|disappear|blanch)|(?:purple|dark red) (?:spots|dots|patches|blotches)`,
      `(?:doesn'?t|does not|won'?t|didn'?t|not) (?:fade|go away|disappear|blanch) (?:when|with|under|if) (?:i )?(?:pressed|press\\w*|a glass|push\\w*)|non-?blanching|petechi\\w*|purpur\\w*|tiny (?:red|purple) (?:dots|spots|pinpoints)`,
    ],
    sob: [
      `\\bsob\\b(?! story| stories)`,
      `short(?:ness)? (?:of|o|off) breath|sob and|breathless\\w*|dyspn\\w*`,
      `(?:hard|difficult|trouble|difficulty|struggl\\w*|problems?|hard time|issues?) (?:to |with )?(?:${BREATHE}|catch(?:ing)? ${HIS} breath)`,
      `winded|out of breath|${CANT} catch ${HIS} breath|huffing and puffing|air hunger|(?:need|needing|gasp\\w*) (?:for )?more air`,
      `breath\\w* (?:really |super |very |so )?(?:hard|harder|heavy|heavily|fast|faster|rapidly|funny|weird|labou?red|shallow)|labou?red breathing`,
      `(?:feels?|feeling) (?:like i )?(?:can'?t|cant) get (?:a )?(?:deep|full) breath`,
    ],
    palpitations: [
      `slow heart ?beat|heart (?:rate )?(?:is )?(?:really |very |super )?slow|palpitat\\w*|skipp?ed[- ]beats?|heart flutter\\w*|extra beats`,
      `heart (?:is |was |keeps |kept |has been |been |feels like it'?s )?(?:racing|pounding|fluttering|flutters|skipping|flip-?flopping|flopping|jumping|beating (?:really |so |very )?(?:fast|hard|irregular\\w*|funny|weird|out of)|going (?:crazy|a mile a minute))`,
      `(?:racing|pounding|irregular|skipped|skipping|fluttery|flutter\\w*) (?:heart\\w*|beats?|pulse)`,
    ],
    near_faint: [
      `(?:almost|nearly|about to|going to|gonna|like i (?:was|am|might|would) (?:going to |gonna )?|felt like i (?:was going to|might|would)|thought i (?:would|was going to)) ?(?:pass(?:ed)? out|faint(?:ed)?|black(?:ed)? out|collapse)`,
      `(?:feel|feeling|felt|feels) (?:faint|woozy|like fainting)`,
      `(?:very|really|super|so|extremely) light-?headed`,
    ],
    fever: [
      `(?<!(?:hay|yellow|valley|no|without) )fever(?!s? blisters?)\\w*`,
      `feaver\\w*|fevre|fiver|fevr|febrile|running (?:a |high )?(?:temp|fever)|spik\\w* (?:a )?(?:temp|fever)|burning up|high temp(?:erature)?s?`,
    ],
    dysuria: [
      `(?:burn\\w*|sting\\w*|pain\\w*|hurts?|hurting|ardor)~(?:when|while|as|after|to) (?:i |he |she |you )?(?:pee|urinat\\w*|void|go pee|wee|pass(?:ing)? urine)`,
      `(?:painful|burning|burny|stinging|hurts to) (?:urination|peeing|pee|urinate)`,
      `(?:peeing|urinating|pee|urination)~(?:burns|hurts|stings|is painful|painful)`,
      `dysuria|\\butis?\\b|urinary tract infection|bladder infection|kidney infection|pyelo\\w*`,
    ],
    hematuria: [
      `blood in ${HIS}? ?(?:urine|pee)|bloody (?:urine|pee)|(?:peeing|pee|urinating|passing) (?:straight |pure |bright red |dark red |just )?blood|hematuria`,
      `(?:pee|urine)~(?:looks |is |was |turned |came out )?(?:pink\\w*|red|bloody|brown|cola|tea[- ]colou?red|reddish)`,
    ],
    flank_pain: [
      `flank|kidney stones?(?! (?:years|last|in 20))`,
      `(?:right|left|rt|lt|one) side of ${HIS} (?:lower )?back`,
      `kidney (?:pain|area|hurts|region)|pain in ${HIS} kidneys?`,
      `(?:pain|hurts|ache|aching|sore)~(?:in|on) ${HIS} (?:right|left|lower right|lower left) side`,
      `(?:lower )?back~(?:right|left) side~(?:hurts|pain|ache)`,
    ],
    severe_headache: [
      `(?:headache|head|migraine) (?:is |has been )?(?:really |literally )?killing me`,
      `(?:headache|migraine|head ache)~(?:won'?t go away|isn'?t touching|not touching|nothing (?:is )?help\\w*|not helping|isn'?t helping|lasted (?:\\d+|two|three|four|several) days|for (?:\\d+|two|three|four|several) days)`,
      `(?:severe|bad|terrible|horrible|awful|really bad|pounding|splitting|excruciating|intense|massive|killer) (?:headache|head ache|migraine|head pain)`,
      `head (?:is |has been )?(?:pounding|splitting|killing me|throbbing|exploding)`,
      `headache~(?:won'?t go away|isn'?t touching|not touching|nothing helps|not helping|isn'?t helping)`,
    ],
    vision_change: [
      `vision~(?:is |looks |went |getting )?(?:spotty|spots|sparkl\\w*|dim|dark|wavy|flashing|cloudy|hazy|foggy)`,
      `blurr?\\w* vision|vision~blurr?\\w*|blurry|double vision|seeing double`,
      `seeing (?:spots|stars|sparkl\\w*|flash\\w*|floaters|lights|zig ?zags)|spots in ${HIS}? ?vision`,
      `(?:sparkl\\w*|flashing|zig ?zag|wavy) (?:spots|lights|lines)|sparkly`,
      `(?:losing|loss of) (?:my |his |her |the )?(?:vision|sight|eyesight)|vision (?:changes?|problems?|is off|is weird|is funny|went funny)|${CANT} see (?:well|clearly|straight|right)`,
    ],
    leg_clot_signs: [
      `(?:pain\\w*|tender\\w*|sore\\w*)~(?:and )?(?:swell\\w*|swollen)~(?:calf|calve|leg|thigh)|(?:swell\\w*|swollen)~(?:and )?(?:pain\\w*|tender\\w*)~(?:calf|calve|leg|thigh)`,
      `(?:swollen|swelling|pain\\w*)~(?:behind|back of) (?:my|his|her) knee|(?:swollen|swelling|pain\\w*)~~(?:after|since) (?:a |the |my )?long (?:drive|flight|car ride|trip|plane ride|bus ride)`,
      `(?:calf|calve|leg|thigh)~(?:swollen|swelling|swole|puffy|bigger|larger)~(?:pain\\w*|sore|hurt\\w*|tender|red|warm|hot|ache|aching|achy)`,
      `(?:pain\\w*|sore|hurt\\w*|tender|red|warm|hot|achy)~(?:calf|calve|leg|thigh)~(?:swollen|swelling|swole|puffy|bigger)`,
      `(?:swollen|swelling|puffy)~(?:painful|sore|tender|red|warm|hot) (?:calf|leg)`,
      `(?:one|left|right) (?:leg|calf) (?:is )?(?:much |way )?(?:bigger|more swollen|larger) than the other`,
      `\\bdvt\\b|(?:blood )?clot in ${HIS} (?:leg|calf)`,
      `(?:one|my|his|her|left|right) (?:leg|calf)~(?:swollen|swelling|swole|puffy)|(?:swollen|puffy) (?:left |right )?(?:leg|calf)\\b`,
    ],
    lip_swelling: [
      `(?<!hands (?:and )?(?:around )?(?:my |the )?)(?:lips?|tongue|mouth)~(?:tingl\\w*|numb\\w*|itchy|burning)(?!~~(?:hands|fingers))`,
      `(?:lips?|face|eyelids?|mouth|cheeks?|throat)~(?:swell\\w*|swollen|puff\\w*|big and puffy)`,
      `(?:swell\\w*|swollen|puffy)~(?:lips?|face|eyelids?|mouth|throat)`,
    ],
    wound_infection: [
      `(?:hot|warm|red|swollen),? (?:and )?(?:swollen|red|hot|warm)\\b`,
      `infected (?:[\\w-]+ )?(?:toenail|nail|cut|wound|bite|blister|piercing)|(?:red|redness|swollen|swelling)~~(?:up to|all the way|halfway) (?:my|the|his|her)`,
      `(?:ulcer|wound|sore|incision)~~(?:bigger|larger|growing|darker|black|blackened|worse)`,
      `red (?:line|streak)s? (?:going|running|moving|spreading|heading) (?:up|toward|towards)|(?:red|swollen|hot|warm|puffy|throbbing)(?:,? (?:and )?(?:red|swollen|hot|warm|tender|puffy|throbbing)){2}`,
      `(?:wound|incision|cut|stitches|sutures|staples|bite|scrape|site|burn|blister|tattoo|piercing|scab|boil|finger|toe|scar|graze|spot|area)~~(?:pus|ooz\\w*|drain\\w*|discharge|redder|more red|yellow\\w* (?:stuff|fluid|gunk|goo|crust)|green\\w* (?:stuff|fluid|gunk)|smell\\w*|foul|red streaks?|streak\\w*|hot to the touch|warm to the touch|opened up|coming apart|split open|red and (?:hot|warm|swollen)|hot and red|warm and red|swollen and red)`,
      `(?:red|redness|warm|hot|swollen|swelling)~(?:spreading|getting bigger|growing|past the (?:pen |marker )?line|bigger than)`,
      `red streaks?|\\bpus\\b|oozing|cellulitis|abscess|(?:looks|is|got|getting|became|seems) infected|infected (?:cut|wound|incision|bite|toe|toenail|finger|fingernail|site|tooth|gums?|ear|piercing|tattoo|stitches|scrape|blister)`,
      `(?:red|swollen|hot|warm)(?:,? (?:and )?(?:red|swollen|hot|warm|tender)){2}|(?:red|swollen) and (?:hot|warm)|(?:hot|warm) and (?:red|swollen)`,
    ],
    dehydration: [
      `(?:refus\\w*|not|won'?t|barely|hardly|isn'?t) (?:to )?(?:eat\\w*|drink\\w*)~(?:and|or|nor) (?:drink\\w*|eat\\w*)`,
      `(?:can'?t|cannot|couldn'?t|unable to|not able to|won'?t|not|isn'?t) (?:even )?(?:keep|keeping|hold|holding)~down`,
      `(?:throws|throwing|thrown|threw|throw) up (?:everything|anything|every ?thing|all (?:fluids|liquids|water))`,
      `(?:barely|not|hasn'?t|haven'?t|hardly|stopped|no) (?:been )?(?:peeing|urinating|pee'?d|peed|wet (?:any )?diapers?)`,
      `(?:only )?(?:one|1|two|2) wet diapers?|no (?:wet )?diapers|no tears|sunken (?:eyes|soft spot)|dehydrat\\w*`,
      `(?:vomit\\w*|throw\\w* up|threw up|diarrh\\w*|puk\\w*)~(?:all (?:day|night)|since (?:yesterday|last night|this morning|\\d+ ?(?:am|pm)|\\d{1,2}\\b)|for (?:\\d+|two|three|several|many|hours) (?:hours|hrs|days)|every (?:hour|\\d+ (?:min|minutes|mins)))`,
    ],
    black_stool: [
      `(?:black|tarry|tar-like|maroon|bloody)~(?:stools?|poop\\w*|bms?|bowel movements?|poo)`,
      `(?:stools?|poop\\w*|bms?|bowel movements?)~(?:black|tarry|bloody|blood|maroon|like tar)`,
      `blood (?:in|on) (?:the |my )?(?:stool|toilet|toilet paper|poop)|rectal bleeding|bleeding from ${HIS} (?:rectum|bottom|butt)|melena`,
    ],
    abuse: [
      `(?:threatened|abused|assaulted|attacked|hit|beaten|beat up|raped|choked|stalked|hurt) by (?:my |his |her |an? |the )?(?:ex|husband|wife|partner|boyfriend|girlfriend|spouse|dad|father|mom|mother|stepdad|stepfather|caregiver|son|daughter)\\b`,
      `(?:ex|husband|wife|partner|boyfriend|girlfriend|spouse|bf|gf)(?: [\\w']+){0,3} (?:hits|hit|beats|beat|slapped|slaps|punched|punches|kicked|kicks|pushed|shoved|abuses|abused|threatens|threatened|hurts|hurt|chokes|grabbed) me\\b|domestic (?:violence|abuse)|(?:don'?t|do not) feel safe (?:at home|with (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend|ex)))|(?:afraid|scared) (?:to go|of going) home`,
    ],
    passive_si: [
      `(?:i )?(?:don'?t|do not) feel safe(?! (?:at home|at work|with (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend))))`,
      `(?:don'?t|do not|dont) (?:really )?wanna (?:live|be alive|be here|exist|wake up|go on)`,
      `better off (?:dead|gone|not here|not around|not alive|without me|if i (?:was|were|wasn'?t|weren'?t|just|didn'?t|died|was gone))`,
      `(?:don'?t|do not|didn'?t|dont) (?:really )?(?:want|wanna) to (?:live|be alive|be here|exist|wake up|go on)`,
      `(?:wish|wished|wishing) (?:i (?:was|were|could be) dead|i (?:wouldn'?t|won'?t|would not|didn'?t) wake up|i (?:could )?(?:just )?(?:disappear|die|not exist))`,
      `(?:no|see no|don'?t (?:really )?see (?:the|any)|dont (?:really )?see the|what'?s the) (?:point|reason) (?:in |to |of )?(?:living|going on|anymore|any more|life|to live|being alive)`,
      `(?:thoughts?|thinking|think|feel like|feeling like|felt like) (?:of |about )?(?:suicide|killing myself|ending (?:it|it all|my life|things)|dying|not being here|death)`,
      `(?:would be|are|be|is) better (?:off )?without me|(?:wouldn'?t|would not|doesn'?t|does not|won'?t) matter if i (?:died|was gone|were gone|wasn'?t here|disappeared|didn'?t wake up)|no ?one would (?:care|notice|miss me) if i (?:died|was gone|disappeared)|(?:i'?m|i am|feel like|feel) (?:such |just )?a burden (?:to|on) (?:everyone|my family|my kids|them|people)|(?:easier|better) (?:for everyone )?if i (?:didn'?t|did not|wasn'?t|weren'?t) (?:exist|here|around|alive)|passive (?:suicidal )?thoughts|suicidal|not worth living|(?:life|living) (?:is|isn'?t) (?:not )?worth (?:it|living)`,
      `(?:go to sleep|fall asleep|sleep) and (?:never|not|just not) wake up|(?:wish|wished|wishing) (?:i|it) (?:could|would) (?:all )?(?:just )?(?:end|stop|be over)|(?:don'?t|do not|can'?t|cannot) see (?:any|a) way out|no way out|wish (?:i'?d|i had|i was|i were) never (?:been )?born|(?:want|need|wish|wanted) (?:it all|everything|all of (?:it|this)|it to all|life) to (?:stop|end|be over)|i (?:just )?(?:didn'?t|did not|don'?t) wake up|${CANT} (?:go on|do this anymore|take it anymore|keep going)`,
    ],
    self_harm: [
      `(?:cutting|cuts|cut|burning|scratching) (?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach)`,
      `(?:cut|cutting|burned|burning|hurt|hurting|harmed|harming) (?:him|her|them)sel(?:f|ves)`,
      `(?:cutting|cut|burning|hurting|harming) (?:my ?self|myself)|self[- ]harm\\w*`,
    ],
    vaginal_bleeding_heavy: [
      `heavy (?:vaginal )?bleeding|bleeding (?:heavily|a lot|like a (?:heavy )?period)`,
      `soak\\w*~(?:pad|pads|tampons?)(?! of gauze)|(?:passing|passed) (?:big |large |golf ball )?clots|gush\\w* (?:of )?blood`,
    ],
    eye_pain: [
      `eyes?~~(?:pain\\w*|hurts?|hurting|achy|aching|painful|throbbing)|eye (?:is )?swollen shut`,
      `eye~(?:pain\\w*|hurts?|hurting|achy|aching|ache|painful|sore|throbbing|stabbing)`,
      `(?:pain|ache|hurts?)~(?:in|behind) ${HIS}? ?(?:left |right )?eye`,
      `(?:chemical|bleach|cleaner|something) (?:in|splashed in|got in) ${HIS} eye`,
    ],
    light_sensitivity: [
      `(?:lights?|sunlight|brightness|bright lights?)~(?:hurts?|hurting|bothers?|bother\\w*|painful|sensitive)`,
      `sensitiv\\w* to light|photophob\\w*`,
    ],
    asthma_uncontrolled: [
      `asthma (?:attack|flare\\w*|exacerbation)`,
      `(?:inhaler|albuterol|ventolin|proair|nebuli[sz]er|\\bneb\\b|rescue|puffer|breathing treatments?)~~(?:not helping|isn'?t helping|doesn'?t help|not working|isn'?t working|only helps|helps only|only lasts|(?:is ?n'?t|is not|not) lasting|does ?n'?t last|wears off|wearing off|barely helps|helps for (?:a bit|a little|like|maybe|only)|every (?:\\d+|one|two|three|four) hours?|every hour|(?:\\d+|three|four|five) times)`,
      `(?:using|used|took|gave|giving|need\\w*)~(?:inhaler|albuterol|nebuli[sz]er|\\bneb\\b|puffs)~(?:every \\d|every hour|\\d+ times|three times|four times)`,
    ],
    wheezing: [`wheez\\w*|whistl\\w* when (?:i |he |she )?breath\\w*`],
    severe_pain: [
      `(?:testic\\w*|scrot\\w*|balls?)~~(?:hurts?|hurting|pain\\w*|swollen|swelling)`,
      `(?:pain|ache)\\w*~(?:is |are |so |really |very )?(?:severe|excruciating|unbearable|intense|terrible|horrible)`,
      `(?:stomach|belly|head|chest|back|tooth|side|ear|throat|leg|knee|hip) (?:is |are |has been )?(?:really |literally )?killing me`,
      `(?:really|very|so|super) bad (?:\\w+ )?(?:pain|cramps?|cramping)|(?:severe|excruciating|unbearable|intense|extreme|horrible|terrible|agonizing|debilitating|worst) (?:\\w+ )?(?:pain|cramps?|cramping)`,
      `(?:10|9|ten|nine) ?(?:\\/|out of) ?(?:10|ten)`,
      `${CANT} (?:walk|stand|move|sleep|sit)~(?:pain|hurts)|${CANT} (?:put|bear) (?:any )?weight`,
      `doubled over|in agony`,
      `(?:ibuprofen|tylenol|advil|motrin|aleve|pain meds?|painkillers?|pain pills)~(?:isn'?t|is not|not|doesn'?t|don'?t|isnt|aren'?t) (?:touching|helping|working|doing anything)`,
    ],
    allergic_reaction: [
      `allergic reaction|(?:having|had|think (?:i'?m|im|he'?s|she'?s) having) (?:an )?allerg\\w* (?:reaction|attack)|hives|welts`,
    ],
    pleuritic: [
      `(?:hurts?|pain\\w*|sharp|stabb\\w*)~(?:(?:take|taking|took) (?:a )?(?:deep |big )?breaths?|breath\\w* in|deep breath|when i breathe|inhal\\w*)`,
      `(?:deep )?breaths? (?:hurts?|is painful)`,
    ],
    glucose_high_words: [
      `(?:sugar|sugars|glucose|\\bbg\\b|\\bbs\\b|meter|reading)~(?:says |said |saying |reads? |reading |shows? |showing |is |was |keeps |just )?(?:hi|"hi"|high|off the charts|too high to read|through the roof|over (?:400|500|600))\\b(?! (?:blood pressure|cholesterol))`,
      `(?:very|really|super|extremely|dangerously) high (?:blood )?(?:sugar|sugars|glucose)`,
    ],
    glucose_low_words: [
      `(?:sugar|sugars|glucose|\\bbg\\b|\\bbs\\b|meter|reading)~(?:says |said |saying |reads? |reading |shows? |is |was |went |keeps )?(?:lo|"lo"|very low|really low|super low|dropp\\w*|crash\\w*|tank\\w*|bottom\\w* out)\\b`,
      `low (?:blood )?sugars?|hypoglyc\\w*|\\bhypo\\b|(?:sugar|glucose) (?:is |was |are |been |running )?low|lows (?:in|of|around) (?:the )?(?:[2-6]0|\\d0s)`,
    ],
    stiff_neck: [
      `(?:stiff|rigid) neck|neck~(?:stiff|too stiff|rigid)`,
      // Meningism in lay words: bending the neck forward is what hurts or cannot be done.
      `neck~(?:hurts?|pain\\w*|ach\\w*|kills?) (?:to|when i|if i) (?:bend|move|look down|put my chin|tilt)`,
      `(?:hurts?|painful|pain|kills?) (?:to|when i|if i) (?:bend|tilt|move) ${HIS}? ?neck`,
      `${CANT} (?:bend|touch|put|move|bring|get) ${HIS}? ?(?:chin|neck|head)~(?:chest|down|forward)`,
    ],
    chills: [`chills|rigors|shaking|shivering|shakes|chilled`],
    headache: [`head ?ach\\w*|headach\\w*|migrain\\w*|head (?:hurts|pain)`],
    vomiting: [`vomit\\w*|throw\\w* up|threw up|throwin up|puk\\w*|barf\\w*|emesis`],
    diarrhea: [`diarr?h?o?e\\w*|diarrhea|the runs|loose stools?|watery stools?`],
    cough: [`cough\\w*|coughin`],
    dizziness: [`dizz\\w*|light-?headed\\w*|vertigo|room (?:is )?spinning|woozy|unsteady`],
    leg_swelling: [
      `(?:legs?|ankles?|feet|foot|calf|calves)~(?:swollen|swelling|puffy|swole|edema)`,
      `(?:swollen|swelling|puffy) (?:legs?|ankles?|feet)|shoes (?:don'?t|dont|do not) fit|edema`,
    ],
    weight_gain: [
      `(?:i'?m|i am|im|he'?s|she'?s|weight(?: is)?|scale (?:says|shows)) up (?:\\d+|two|three|four|five|six|seven|eight|ten) ?(?:lbs?|pounds|kg|kilos)`,
      `(?:weight|wt)~(?:up|gained|went up|jumped|increased)~(?:\\d+|two|three|four|five|six|seven|eight) ?(?:lbs?|pounds|kg|kilos)`,
      `(?:gained|put on|up) (?:\\d+|two|three|four|five|six) ?(?:lbs?|pounds|kg|kilos)~(?:days?|week|since|overnight|yesterday)`,
    ],
    rash: [
      `(?:skin|lips?|mouth)~(?:peeling|blistering|sloughing|coming off)|blistering rash`,
      `rash\\w*|breaking out|broke out|red (?:spots|bumps|blotches|patches)|itchy (?:red )?(?:bumps|spots|skin)`,
    ],
    head_injury: [
      `(?:bump|lump|goose egg|knot|gash|cut|bruise) on (?:my|his|her|the|their) (?:head|forehead|skull|scalp|temple)|(?:forehead|scalp)~~(?:bump|lump|bleeding|cut|gash|swelling|goose egg)|hit (?:my|his|her|their) (?:forehead|face|temple)`,
      `(?:hit|hitting|bang\\w*|bump\\w*|smack\\w*|struck|knock\\w*|whack\\w*) (?:his |her |my |their |the back of (?:his|her|my) |the side of (?:his|her|my) |the front of (?:his|her|my) )?head`,
      `(?:fell|fall|fallen|slipped|tripped)~(?:on|hit|hitting|landed on|bumped) (?:his |her |my |the back of (?:his|her|my) )?head`,
      `head (?:injury|injuries|trauma)|concussion|goose egg`,
    ],
    trauma: [
      `(?:i|he|she|they|we|grandma|grandpa|granny|mom|dad|mum|my \\w+|had a bad) (?:fell|fall|tripped|slipped)\\b(?! asleep| in love| behind| apart| through| off the wagon)`,
      `(?:^|[.!?,;] )(?:slipped|tripped|fell) (?:on|down|off|over|from|in|at|and|while)|(?:twisted|rolled|hurt|injured|banged|jammed|sprained|dropped (?:a|something) \\w* ?on) (?:my|his|her) (?:big |little |pinky |left |right )?(?:knee|ankle|wrist|shoulder|elbow|finger|thumb|toe|foot|back|hip)|(?:took|had) a (?:bad |hard |nasty )?(?:fall|tumble|spill)|(?:car|motor vehicle|bike|bicycle|motorcycle|scooter|skiing|sledding) (?:accident|crash|wreck)|(?:was |got )?(?:hit|rear-ended|t-boned) by a (?:car|truck|bus)|(?:fell|fall|fallen) (?:down|off|from) (?:the |a )?(?:stairs|ladder|roof|horse|bike|bed|step|steps|tree)`,
    ],
    abdominal_pain: [
      `(?:stomach|belly|abdomen|abdominal|tummy|gut|pelvic|lower abdominal)~(?:pain\\w*|hurts?|hurting|ache|aching|cramp\\w*|sore|killing)`,
      `(?:pain|cramp\\w*|ache)~(?:in|on) ${HIS} (?:upper |lower |right |left |middle of (?:my|the) )?(?:stomach|belly|abdomen|tummy|pelvis)|stomach ?ache|belly ?ache`,
    ],
    spotting: [
      `spotting|light bleeding|vaginal bleeding|(?:pink|brown|red|bright red) (?:discharge|blood|spots)~(?:wipe|wiped|paper|underwear)`,
      `bleeding~(?:when i wipe|a little|lightly|light)|(?:some|a little) (?:blood|bleeding)`,
    ],
    leaking_fluid: [
      `(?:leak\\w*|gush\\w*|trickl\\w*)~(?:fluid|water|liquid)`,
      `water (?:broke|has broken|might have broken|breaking)|(?:fluid|water|liquid)~(?:leak\\w*|gush\\w*|trickl\\w*|running down)`,
    ],
    sweating: [`sweat\\w*|diaphore\\w*|clammy|drenched`],
    nausea: [`nause\\w*|sick to ${HIS} stomach|queasy|want to (?:throw up|vomit)`],
    arm_jaw_pain: [
      `(?:goes|going|went|spreads?|spreading|radiat\\w*|shoot\\w*|moves?|moving|travel\\w*)~(?:arm|jaw|shoulder|back|neck)`,
      `left (?:arm|jaw|shoulder)~(?:pain\\w*|hurts?|ache|aching|numb(?:ness|ing)?\\b|tingl\\w*|heavy|weak)|jaw~(?:pain|hurts|aching|tight)`,
    ],
    kussmaul: [
      `breath\\w*~(?:fast and deep|deep and fast|really fast and deep|really deep)|(?:fruity|nail polish) (?:breath|smell)`,
    ],
    infant_signs: [
      `(?:not|isn'?t|won'?t|doesn'?t|hasn'?t|hard to|can'?t) (?:wak\\w*|wake|woken|wakening) (?:up )?(?:for|to) (?:feeds?|feedings?|eat|nurse|feed|nursing|bottles?)|sleeping (?:through|\\d+ hours|all day)~(?:feeds?|feedings?)|(?:not|isn'?t|won'?t|refus\\w*|barely|hardly) (?:eating|feeding|nursing|drinking|taking (?:her|his) bottles?)|(?:eating|feeding|nursing) (?:a little )?less`,
      `(?:super|very|really|extra|unusually) (?:sleepy|lethargic|floppy|limp)|lethargic|floppy|inconsolable|won'?t stop crying`,
    ],
    bleeding: [`bleed\\w*|nose ?bleeds?|blood (?:everywhere|all over|won'?t stop)`],
    mild_symptom: [
      `pain\\w*|aches?|aching|achy|hurts?(?! (?:me|myself|us|him|her|them|someone|somebody|others|people|anyone|my (?:kids|children|family|wife|husband|baby|son|daughter)))|hurting(?! (?:me|myself|us|him|her|them|someone|somebody|others))|sore\\w*|a cold|chest cold|head cold|colds?\\b(?! weather)|cold symptoms|flu\\b(?! shots?| vaccines?| clinic| jab)|congest\\w*|stuffy|runny nose|sneez\\w*|itch\\w*|allerg\\w*|tired\\w*|fatigue\\w*|exhausted|insomnia|trouble sleeping|${CANT} sleep|heartburn|reflux|constipat\\w*|bloat\\w*|nause\\w*|anxiety|depress\\w*|panic attacks?|\\bmole\\b|warts?|lumps?|cysts?|swell\\w*|swollen|cramp\\w*|discharge|acne|pimples?|hair loss|forgetful\\w*|memory (?:loss|problems?|issues?|slipping|going|getting worse)|repeats (?:the same )?(?:stories|questions|herself|himself)|numb(?:ness|ing)?\\b|tingl\\w*|sprain\\w*|strain\\w*|bruis\\w*|infection|sinus\\w*|ear ?ache|pink ?eye|sore throat|tooth ?ache|tremor\\w*|blisters?|hemorrhoid\\w*|shaky|weak\\w*|symptoms?|injur\\w*|sprained|broken|fracture\\w*|bleed\\w*|blood pressure|cholesterol|diabet\\w*|asthma|copd|migraine`,
    ],
    refill: [
      `(?<!\\bno (?:more )?)refill\\w*(?! (?:needed|necessary) (?:right )?now)|re-?fill\\w*|renew\\w* ${HIS}? ?(?:prescription|rx|script|meds?|medication)|new (?:prescription|rx|script)`,
      `(?:send|call|phone) (?:it |them |in )?(?:in )?to (?:the|my) pharmacy|(?:90|30|60|three month)[- ]day supply`,
      `necesito (?:mas|mi|otra)|(?:need|needs|running low on|low on) (?:my |more |a )?(?:meds|medication|medicine|pills|prescription)|more (?:of )?${HIS}? ?(?:\\w+ )?(?:pills|meds|medicine|medication|tablets)`,
    ],
    med_question: [
      // A medicine the plan will not cover is a prescribing question, not only a billing one.
      `(?:won'?t|wont|doesn'?t|does not|will not|no longer|stopped|not going to|refus\\w* to|isn'?t going to) (?:cover\\w*|pay for|approve)~(?:the |my |his |her |for )?(?:${DRUGS}|${DRUG_SUFFIX})|(?:denied|rejected|declined|won'?t cover|not covering)~(?:the |my |his |her )?(?:${DRUGS}|${DRUG_SUFFIX})|(?:${DRUGS})~(?:is |was |got |been )?(?:denied|rejected|not covered|no longer covered|isn'?t covered|not on (?:the|their|my) formulary|needs? (?:a )?prior auth\\w*)`,
      `(?:prior auth\\w*|pre-?auth\\w*|formulary exception)(?! (?:paperwork|forms?|letter))~(?:for )?(?:my |the |his |her )?(?:${DRUGS}|${DRUG_SUFFIX})|(?:switch|change|swap) (?:it|this|that|them|me to (?:something|a generic|another|a different|one)|my (?:${DRUGS}|${DRUG_SUFFIX}))\\b~~(?:covered|cheaper|affordable|insurance covers|they cover|plan covers)|(?:another|other|alternative|cheaper|covered|generic) (?:option|medication|medicine|med|alternative|drug|inhaler|brand|version)s?(?! (?:appointment|time|date|day|location))`,
      `(?:can|should|could|may|do|is it (?:ok|okay|safe|alright|fine)(?: to)?|how (?:do|should|often|long) (?:i|we)) (?:i |we |he |she )?(?:takes?(?! (?:him|her|them|us|my (?:mom|dad|mother|father|son|daughter|wife|husband|kids?|child)|time|off|a (?:day|break|leave|week|walk|look|trip|nap|shower|bath)|care|the (?:day|time|bus|kids))\\b)|taking(?! (?:time|care|off)\\b)|use|drink on|drink with|drink while|mix|stop|skip|split|crush|double up|keep taking|continue)`,
      `side effects?|interact\\w*|generic|(?:brand|name) brand|dosage|(?:before or after|with|without) (?:meals?|food|eating|breakfast|(?:my )?coffee|bed|dinner|lunch)|with food|empty stomach|missed (?:a |my |one |\\w+ )?(?:dose|pill)|forgot (?:to take )?(?:my |a )?(?:dose|pill|meds?)`,
      `something (?:stronger|better)|over the counter|\\botc\\b|medication options|(?:discuss|talk about|ask about|questions? about)~(?:medications?|medicines?|meds|pills|dose)`,
      `give (?:him|her|them|my (?:son|daughter|baby|child|kid|toddler)) (?:some )?(?:tylenol|motrin|ibuprofen|advil|benadryl|medicine|honey|\\w+)`,
    ],
    results_question: [
      `(?:results?|labs?|lab ?work|blood ?work|a1c|tsh|cholesterol|ldl|hdl|triglycerides|psa|cbc|mri|ct scan|x-?ray|ultrasound|biopsy|culture|pap|mammogram|ekg|ecg|echo)~(?:mean|means|came back|resulted|posted|released|normal|bad|good|high|low|explain|look|is that|are they|showed|says?)`,
      `(?:what does|what do|is (?:my|that|this)|are my|explain|understand|make sense of|saw my|got my|read my)~(?:results?|labs?|numbers?|levels?|a1c|tsh|cholesterol|ldl|scan|x-?ray)`,
      `(?:results?|labs?) (?:are |were )?(?:posted|back|in|released|up)`,
      // "A1c went from 7.1 to 7.4": a result's change, named with its value.
      `(?:a1c|hba1c|tsh|ldl|hdl|cholesterol|psa|creatinine|gfr|egfr|vitamin d|ferritin|triglycerides)~(?:went|go(?:ing|ne)?|jumped|dropped|rose|is|was|came back|of|at)? ?(?:from|up|down|to)? ?\\d`,
    ],
    referral_status: [
      `referr?al~(?:was |been |ever |got |get |have |has )?(?:sent|received|approved|faxed|submitted|status|went through|gone through)`,
      `(?:status|update) (?:of|on) ${HIS} referr?al`,
    ],
    referral: [
      `(?:need|get|want|like|request\\w*|send|put in|place|have) (?:a |an |the |my |another )?(?:new )?(?:\\w+ )?referr?al`,
      `refer (?:me|him|her|us) to|referr?al (?:to|for)|(?:write|send|place|put in) (?:me )?(?:an |the )?order|order for (?:a |an )?(?:brace|walker|cane|wheelchair|cpap|\\w+ (?:test|scan))`,
    ],
    vaccine: [
      `(?:due for|should (?:i|she|he|we) get|can (?:i|she|he|we|they) get|safe to get|need (?:a|the|my|another)|eligible for|recommend\\w*|get (?:the|a|my))~(?:vaccin\\w*|shots?|booster|jab)(?! (?:records?|card|history|appt|appointment))`,
      `(?:vaccin\\w*|shots?|booster)~(?:safe|side effects?|same day|together|at the same time|due|recommended|needed)`,
    ],
    er_followup: [
      `(?:follow(?:ed|ing)?[- ]?up|f\\/u)~(?:er|e\\.r\\.|emergency|hospital|urgent care|discharge\\w*|admission)`,
      `(?:er|emergency room|hospital|urgent care)~(?:said|told (?:me|us))~follow[- ]?up`,
      `(?:went to|was in|visited|seen (?:at|in)|took (?:him|her) to) the (?:er|emergency room|ed|hospital|urgent care)~~(?:normal|fine|nothing|negative|okay|ok|strain|sent (?:me|him|her) home)`,
    ],
    clinical_update: [
      `(?:is|are|has|have) (?:now )?(?:all |completely |totally )?(?:gone|cleared up|cleared|resolved|healed) now|(?:is|are) (?:now )?(?:all |completely |totally )?(?:gone|cleared up|cleared|resolved|healed)~(?:thanks|thank you|thx)`,
      `no (?:more|longer any) \\w+~(?:since|after|with|thanks to) (?:the |my |your )?\\w+`,
      `(?:inhaler|medicine|meds|medication|cream|ointment|treatment|pills?|antibiotics?|therapy|physical therapy|rash|cough|pain|swelling|symptoms?|knee|back|it|new \\w+)~(?:is |are |has been |have been )?(?:working (?:great|well|good)|helping|helped|(?:much |way |a lot |so much )?better|cleared up|all gone|resolved)`,
      `(?:went away|is gone|are gone|has gone away|cleared up|resolved|stopped) (?:after|since|with|once|when)|(?:quick|just an?|small|brief) update\\b(?! (?:my|the|on my) (?:address|phone|insurance|info))|(?:feel|feeling|doing) (?:much |way |a lot |so much )?better|haven'?t needed ${HIS}? ?(?:rescue|inhaler)|all better`,
    ],
    home_readings: [
      `(?:bp|blood pressure|sugars?|glucose|readings?|numbers|weight)~(?:log|readings?|this week|for the week|running|have been|averag\\w*)`,
    ],
    scheduling: [
      `(?:move|push|bump) (?:my|our|his|her|the) (?:\\w+day|appt|appointment|visit|\\d{1,2}(?::\\d\\d)?)|anything (?:next week|sooner|earlier|later in the week)`,
      `fax (?:number|#|no)|phone number (?:for|of)|(?:radiology|billing|lab|records|imaging) (?:department|office|dept)`,
      `(?:in|at) the office on|(?:work|working|available|in) on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|weekends)|(?:is|does) (?:dr|doctor) \\w+ (?:in|work|see patients|available)`,
      `(?:change|switch|transfer) (?:my |his |her )?(?:primary care |primary )?(?:doctor|provider|pcp)`,
      `(?:spanish|english|chinese|mandarin|cantonese|vietnamese|korean|russian|arabic|french|creole|portuguese|tagalog|somali|haitian|polish|hindi)[- ]?speaking (?:doctor|provider|nurse|staff)|interpreter|translator|(?:open|closed) (?:on|this|for|during) (?:\\w+ )?(?:day|weekend|holiday|christmas|thanksgiving|saturday|sunday)|holiday hours|where (?:do|can|should) (?:i|we) park|switch (?:to (?:dr|doctor)|doctors|providers)|(?:as|be) my (?:primary|pcp|doctor)|running late|(?:be|get) there (?:by|at|in)|on my way|appo?i?n?t?ments?|appts?|reschedul\\w*|re-schedul\\w*|cancel\\w*|book (?:a|an|my)|schedul\\w*|check ?-?up|(?<!sports |school )physical(?! therapy| therapist| form)|annual (?:exam|visit)|(?:move|change|switch|push) (?:my|the|our) (?:appt|appointment|visit)`,
      `(?:clinic|office|lab|location)~(?:opens?|opening|closes?|closing)\\b|(?:what time|when) (?:does|do|is|are) (?:the |you |your )?(?:lab|office|clinic|pharmacy)? ?(?:open|close|closed)|walk[- ]in|office hours|(?:your|the|office|clinic|lab|saturday|sunday|weekend) hours|parking|directions to|(?:new |clinic |office )location|where (?:is|are) (?:the|your) (?:office|clinic|lab)|are you open|new patients?|open on (?:saturday|sunday)s?|(?:next|earliest) (?:available|opening)|see (?:the )?(?:doctor|dr|np|pa)~(?:next|this) week`,
    ],
    billing: [
      `\\beob\\b|explanation of benefits|\\bowe\\b|bills?\\b|billed|billing|copays?|co-pays?|insurance|paid|pay(?:ing)? online|deductible|payments?|pay (?:my|the|for|a)|charged?\\b|charges|invoice|statement|collections|balance|refund|cost|costs|price|how much|out of pocket|coverage|covered by|(?:is|are) (?:it |this |that |they )?covered|(?:insurance|plan|medicare|medicaid) (?:cover|covers|covered|pay)|member id|prior auth\\w*|pre-?auth\\w*|sliding scale|financial|medicare|medicaid|blue cross|aetna|cigna|humana|united ?healthcare|kaiser|fee\\b`,
    ],
    forms: [
      `(?:send|write|need|get) (?:a |the )?(?:note|letter) (?:to|for)|(?:daycare|school|work|employer|camp|gym) (?:note|letter|form|paperwork)`,
      `forms?\\b|letters?\\b|note for (?:my |his |her )?(?:work|school|employer|job|daughter|son)|school note|work note|doctor'?s note|excus\\w*|fmla|disability|paperwork|medical source statement|clearance|cleared to|return to work|jury duty|\\bdmv\\b|handicap (?:placard|parking)|sports physical`,
    ],
    records: [
      `(?:wrong|incorrect|an error|a mistake|mistakes?)~(?:birthday|birth date|date of birth|dob|name|address|summary|record|chart|medication list)|after[- ]visit summary|visit summary`,
      `(?:a |the )?cop(?:y|ies) of (?:my|his|her|the|that|our|all)\\b|records?\\b|copy of ${HIS}? ?(?:visit|records?|notes?|chart|results?|immuni\\w*|vaccine|shot)|immuni[sz]ation (?:record|history|card)|vaccine (?:record|card)|visit notes?|release of information`,
    ],
    portal: [
      `(?:text|email) reminders?|reminders? (?:by|via) (?:text|email)|notifications?`,
      `video (?:visit|call|appointment)|telehealth|virtual visit|(?:the|visit|video|zoom) link|portal|log ?in|logging in|sign ?in|password|username|user name|locked out|\\bapp\\b|website|mychart|proxy|upload\\w*|error message|won'?t load|keeps spinning|spins|verification code|two[- ]factor|\\b2fa\\b`,
    ],
    demographics: [
      `(?:different|another|other) pharmacy|pharmacy (?:closed|changed|moved)|(?:send|sent|transfer) (?:my )?(?:prescriptions?|rx|meds) to (?:a |the )?(?:different|another|new)`,
      `(?:update|change|new|correct|wrong|remove|old)~(?:address|phone|number|cell|email|last name|name|pharmacy|emergency contact)`,
      `(?:address|phone|cell|pharmacy|name)~(?:changed|update|is now)|preferred pharmacy|moved to`,
    ],
    thanks: [
      `(?:all good|all set|we'?re good|nothing else)(?: now| here| thanks?)?(?:[.!]|$)`,
      `(?:just )?(?:letting (?:you|u) know|wanted to let (?:you|u) know|an fyi|fyi|a heads up|so you know)|\\bfyi\\b|heads up|no questions?(?: (?:at this time|for now|right now))?(?:[.!]|$)|nothing (?:else )?needed|no (?:need|reply|response) (?:to (?:reply|respond|call)|needed|necessary)|(?:got it|sounds good|will do|noted|understood)\\b`,
      `thank\\w*|thx|thnx|\\bty\\b|appreciat\\w*|grateful|you (?:are|guys are|all are) (?:the best|amazing|angels|wonderful)|god bless|bless you`,
    ],
    pregnant: [
      `(?:having |labou?r |regular )?contractions (?:every|are|about|that are|getting|coming)\\b`,
      `(?:my|her) water (?:just )?(?:broke|has broken|might have broken|may have broken|is breaking|breaking)`,
      `(?:gave birth|giving birth|had (?:my |the |a |our )?baby|delivered|c-?section)~(?:ago|yesterday|last week|this week)|postpartum|post-partum|after giving birth|since (?:i |she )?(?:gave birth|delivered|had the baby)`,
      // "Hemorrhoids after my pregnancy", "my last pregnancy": a past pregnancy is history, not now.
      `(?<!(?:after|since|during|before|from|with) (?:my|her) (?:last |first |previous |second |third |other )?|(?:previous|prior|last|past|earlier|other|first|second|third) )pregnan\\w*(?! (?:before|years ago|in (?:19|20)\\d\\d))|prego|expecting|weeks? (?:along|gestation)|(?:\\d+(?:st|nd|rd|th)?|first|second|third) trimester|gestational`,
    ],
    blood_thinner: [
      `warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|savaysa|edoxaban|lovenox|enoxaparin|heparin|fragmin|blood ?thinners?|anticoagula\\w*|plavix|clopidogrel|brilinta|ticagrelor|effient|prasugrel`,
    ],
    critical_med: [CRITICAL],
    run_out: [
      `(?:only |just )?(?:has|have|got) (?:\\d|one|two|three|a few|a couple(?: of)?) (?:pills?|tablets?|doses?|days?(?:'? worth)?) left`,
      `(?<=(?:${CRITICAL}|meds|medicines?|medications?|pills|prescription|inhaler|pens|vials?)\\s+)(?:is|are|has|have) (?:all )?(?:gone|used up|finished)`,
      `(?<!(?:sticking|poking|coming|hanging|falling|fell|bleeding|leaking|sticks|pokes) )out of(?! (?:my |his |her |the )?(?:left|right|mind|breath|town|state|country|work|bed|it\\b|nowhere|control|reach|pocket|network|office|ears?|eyes?|nose|place|line|order|shape|sorts|hospital|er\\b|surgery|character|touch|curiosity|options|ideas|patience|time|money))|ran out|run out|running out|runs out|will run out|(?:none|no more|no pills|nothing|zero) left|(?:last|final) (?:dose|pill|pen|vial|one|tablet|injection|shot)|took ${HIS} last|as of (?:today|tomorrow|tonight)`,
      `(?:only|just) (?:have |got |has |had )?(?:one|1|a single|tomorrow(?:'?s)?|today'?s|tonight'?s|this (?:morning|evening)'?s|tomorrow morning'?s|one more|1 more|enough for (?:today|tonight|tomorrow|one|1))~left`,
      `(?:one|1|a single|last) (?:dose|pill|pen|tablet|vial|day|shot)s? (?:of (?:\\w+ ){1,3})?left`,
      `(?:only|just) (?:have|got|has) (?:one|1|a single|tomorrow(?:'?s)?|today'?s|tonight'?s|this (?:morning|evening)'?s|tomorrow morning'?s|enough for (?:today|tonight|tomorrow)) (?:dose|pill|pen|tablet|vial|shot|one)s?\\b`,
      `(?:missed|skipped) (?:\\d+|two|three|several|a few) doses|(?:missed|skipped|been without|gone without) ${HIS} (?:\\w+ )?(?:for )?(?:\\d+|two|three|several|a few) (?:days|doses)`,
      `lost (?:my|his|her|the) (?:\\w+ )?(?:${CRITICAL}|meds|medicine|medications?|pills|prescription|bottle|pens?)`,
      `${CANT} (?:afford|get|fill|pick up)~(?:${CRITICAL}|meds?|medicine|medication|refill|prescription)`,
    ],
    supply_left: [
      `(?:[3-9]|\\d\\d+|three|four|five|six|seven|eight|nine|ten|a few|few|several) (?:more )?days?~(?:left|remaining|supply|to go|worth)`,
      `(?:\\d+|one|two|three|four|a|a few|few|couple(?: of)?|several) (?:more )?(?:weeks?|wks?|months?|refills?)~(?:left|remaining|supply|to go|worth)`,
      `(?:still|yet) (?:have|got)~(?:left|days|weeks|month)`,
    ],
    new_med: [
      `(?<=${MED_SUFFIX}\\s)(?:was|were|got) (?:increased|raised|upped|doubled|changed|switched|started|adjusted)\\b`,
      `(?:started|starting|began|begun|since starting|after starting|on the new|new|switched|changed|increased|raised|upped|doubled|added|put (?:me|him|her) on|(?:gave|prescribed) (?:me|him|her))~${MED_SUFFIX}`,
      `(?:started|starting|began|begun|switched to|put (?:me|him|her) on) (?:on |taking |the |a |my |new |using )+[a-z]{5,}`,
      `(?:started|starting|began|begun|since starting|after starting|switched to|put (?:me|him|her) on|new)~(?:${CRITICAL}|[a-z]+(?:trigine|azepine|apine|piprazole|lukast|profen|purinol|oxacin|vudine|navir|gravir))`,
    ],
    postop: [
      `(?:surgery|operation|procedure|replacement|replaced|removed|c-?section|biopsy|repair)~(?:\\d+|a few|few|two|three|four|five|six|several|couple of) (?:days?|weeks?) ago`,
      `(?:after|since|from) (?:my|the|his|her) (?:\\w+ )?(?:surgery|operation|procedure|c-?section)|post[- ]?op\\w*|incision|surgical site|stitches|staples|sutures`,
    ],
    worsening: [
      `(?:getting|gotten|got|becoming|keeps getting|going|is) (?:much |way |a lot |even |progressively |steadily )?worse(?! (?:a little|a bit|slightly))|worsening|worse and worse|much worse|way worse|a lot worse`,
      `spreading(?! (?:a little|a bit|slightly|slowly))`,
      `(?:a lot|much|way|even|so much) more (?:swollen|swelling|puffy|painful|red|bruised)|more (?:swollen|puffy) than (?:usual|normal|before|ever)`,
    ],
    improving: [
      `(?<!(?:not|no|isn'?t|hasn'?t|without|n'?t) )(?:(?:getting|got|much|way|a lot|so much|slowly getting|feeling|is|it'?s|are) better|improv\\w*|(?:almost|mostly|nearly) gone|clearing up|going away|(?:gone|went away|cleared up|resolved) (?:after|with|since) (?:the |some |a |taking )?\\w+|fading|(?:going|went) down|calm(?:ing|ed) down|less (?:red|itchy|swollen|painful)|better than (?:last|yesterday|before)|easing up|subsid\\w*)`,
    ],
    means_plan: [
      `(?:looking|looked|searching|searched|googl\\w*|research\\w*|reading) (?:up |online |about )?(?:how|ways) (?:to )?(?:die|kill|do it|overdose|end (?:it|my life)|hang)|(?:been |was |is |she'?s |he'?s )(?:looking|looked) up how\\b|(?:pills?|tablets?|meds|medicines?|medications?|capsules?)~(?:on|next to) (?:the|my) (?:table|counter|bed|nightstand|desk)`,
      `(?:got|have|took|laid|put|pulled) (?:the |my |a |some )?${MEANS} out`,
      `(?:pills?|tablets?|meds|medicines?|medications?|capsules?)~(?:are |is )?(?:counted out|lined up|laid out|set out|ready|in (?:my|the) hand)`,
      `${MEANS}~(?:is |are )?(?:right here|next to me|beside me|in my hand|with me|on (?:the|my) (?:table|bed|counter|nightstand|desk))`,
      `(?:saving|saved|stockpil\\w*|hoard\\w*|collecting|stash\\w*) (?:up )?(?:my |the |all (?:my|the) )?(?:\\w+ )?${PILLS}`,
      `(?:have|got|bought|own|keep|access to) (?:a |the |my )?(?:gun|rope|firearm|pistol|rifle)`,
      `know (?:exactly )?how (?:i'?d|i would|i will|i'?ll|to|i'?m going to) do it|(?:have|got) it (?:all )?planned|decided (?:how|when)|picked (?:a|the) (?:date|day|way|method)|(?:i have|i'?ve (?:got|made)|made|have) a plan|plan to|(?:wrote|writing|left) (?:a |my )?(?:suicide |goodbye )?(?:note|letter)|giv\\w* (?:away )?my (?:things|stuff|belongings)|said goodbye|tonight|this weekend`,
    ],
    allergen_exposure: [
      `(?:after eating|right after (?:i |he |she |they )?ate|ate (?:a |some )?(?:peanut|nut|shrimp|shellfish|crab|lobster|fish|egg|sesame|something new)\\w*|stung|sting|bee|wasp|hornet|peanuts?|tree nuts?|cashews?|shellfish|shrimp|crab|lobster|new (?:medicine|med|antibiotic|pill))`,
    ],
    child: [
      `(?:son|daughter|baby|infant|newborn|toddler|kid|child|grandson|granddaughter|little (?:boy|girl)|preemie|babies)\\b`,
    ],
    glucose_context: [
      `sugars?|glucose|\\bbg\\b|\\bbs\\b|a1c|diabet\\w*|glucometer|meter|\\bcgm\\b|dexcom|libre|insulin|type (?:1|one|2|two)`,
    ],
    alert_drinking: [
      `(?:still )?(?:drinking|eating|nursing|feeding|taking (?:his|her) bottles?)~(?:fine|ok|okay|well|normal\\w*|good)|\\balert\\b|playing|smiling|acting normal|watching tv`,
    ],
  },
  context: {
    negationPre: [
      `no|not|denies|denied|deny|without|never|nor|negative for|free of|absence of|no signs? of|no sign|nothing like|none of|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|dont|doesnt|didnt|havent|hasnt|wasn'?t|isn'?t|aren'?t|weren'?t|no longer|not having|not any|zero`,
    ],
    negationPost: [
      `(?<=^\\s*)(?:has |finally )?(?:broke|broken|came down)\\b|` +
        `(?:is|are|has|have|was)? ?(?:all )?(?:gone|went away|resolved|stopped|cleared)(?! (?:up|down))|(?:is|are) (?:fine|normal|ok|okay|good)(?: now)?|(?:none|negative)\\b`,
    ],
    pseudoNegation: [
      `(?:don'?t|dont|do not) (?:really )?know|no (?:improvement|change|relief|better|idea|clue|matter|doubt)|not (?:sure|certain|only|just|better|improv\\w*|helping|working|touching|stopping)|no one|nobody|not (?:a )?(?:big )?deal|can'?t tell|without (?:improvement|relief)`,
    ],
    historyPre: [
      `(?:last|this past) (?:year|month|summer|winter|spring|fall|christmas)`,
      `history of|hx of|h\\/o|chronic|long[- ]standing|when (?:i|he|she) was (?:a )?(?:\\d+|young|kid|child|little|younger|baby|teen\\w*)|in (?:19|20)\\d\\d|(?:in|during|back in) (?:january|february|march|april|june|july|august|september|october|november|december)|(?:suffered|had) (?:a |an )?(?:\\w+ )?(?:stroke|injury|accident|heart attack)|when (?:i|he|she|we|my \\w+) (?:had|was sick|got sick)|used to (?:have|get)|was (?:seen|treated|hospitali[sz]ed|admitted|diagnosed) for|(?:went to|at|in|to) the (?:er|ed|emergency room|hospital|urgent care)(?: \\w+){0,2} for|(?:er|ed|emergency room|hospital|urgent care) (?:visit|trip|stay|admission)(?: \\w+){0,3} (?:was |were )?for|turned out (?:to be|it was)|ended up being|in the past|previously|years ago|back in|had (?:a |an )?(?:bout|episode) of|(?:since|after) (?:my|his|her) (?:heart attack|stroke)`,
    ],
    historyPost: [
      `^\\s*(?:that |which )?(?:i|he|she|we|they) (?:had|got|used to)\\b|(?:in|during|back in|last) (?:january|february|march|april|june|july|august|september|october|november|december)|` +
        `for (?:\\d+|many|several|a few|over \\d+|the (?:last|past) \\d+) years|(?:last|past) \\d+ years|since (?:i was|childhood|birth|(?:19|20)\\d\\d)|for years|\\d+ years? post|last (?:year|month|summer|winter|spring|fall|time|week|christmas)|(?:\\d+|a|two|few|several|many|couple of) (?:years?|months?) ago|in (?:19|20)\\d\\d|back in|years? ago|when (?:i|he|she) was (?:a )?(?:\\d+|young|kid|child|little|younger)|(?:a |the )?(?:er|hospital|doctors?|they) said (?:it was|everything|it'?s)|turned out to be|went away|is gone|(?:has|have) resolved|all good since|(?:hasn'?t|haven'?t) (?:come back|happened|had (?:any|it) since)|(?:i )?messaged about|at first\\b|at birth|when (?:he|she|they|i) (?:was|were) born`,
    ],
    hypotheticalPre: [
      `(?:earlier|previous|last|other|old) (?:message|question|note|email) (?:about|regarding|re)|disregard~(?:message|note|email)|if (?:i|you|he|she|someone|my \\w+|a person|we|they) (?:ever|happen to)\\b|if (?:i|you|he|she|someone|my \\w+|a person|we|they) (?:ever |start(?:s)? (?:to )?|were to )?(?:pass out|faint|collapse|run out|go into|become|get|gets|have|has|develop|develops|notice|notices|experience|experiences|feel|feels|start|starts)|in case (?:of )?|what if|(?:warning )?signs? (?:of|for)|symptoms? (?:of|for)|watch (?:out )?for|look out for|risks? (?:of|for)|chances? of|prevent\\w*|how (?:do|can|would|will|should) (?:i|you|we) (?:know|tell)|to rule out|rule out|worried about (?:getting|having)|afraid of (?:getting|having)|(?:can|could|does|do|will|would|might|may) (?:\\w+ ){1,4}cause|(?:is|are) (?:\\w+ ){0,3}(?:a )?(?:side effect|symptom|sign)s? of|information (?:on|about)|info (?:on|about)|learn(?:ing)? about|what (?:causes|is|are)|treatments? for|how (?:to treat|is \\w+ treated)|when should (?:i|we) (?:call|go|worry)|should i (?:go to the er|call 911) if`,
    ],
    familyHistoryPre: [
      `(?:my |his |her )?(?:mother|mom|mum|father|dad|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|parents?|siblings?|family|relatives?) (?:had|has had|died|passed|history)|family history|runs in (?:my|the) family`,
    ],
    termination: [
      `, (?:i|he|she|they|we|my|his|her|then)|and (?:is|are|has been|have been) (?:now|more|getting|becoming|much)|lately|these days|but|however|although|though|except|aside from|apart from|other than|yet|whereas|now|today|anyway`,
    ],
  },
  idioms: [
    `(?<=(?:bill\\w*|office|insurance|portal|paperwork|process|waiting|wait|hold|phone tree|forms?|website|system|pharmacy|call ?backs?|scheduling|traffic|login|password|fax)\\b[^.!?\\n]{0,60}? (?:is |was |keeps |has been )?)giving me (?:a |such a )?headache`,
    `(?<=(?:music|hold|bill|bills|portal|website|app|insurance|paperwork|process|wait|waiting|traffic|kids|this|that|it|system|phone tree|form|forms) (?:is |was |keeps |has been )?)giving me (?:a |such a )?headache|headache (?:lol|lmao|haha)`,
    `(?:almost|nearly|about to|could have|could've) (?:fainted|faint|passed out|pass out|died|had a heart attack|had a stroke) (?:when|after|seeing|reading|looking at)~~(?:bill|price|cost|charges?|statement|invoice|total|amount|estimate|copay)`,
    `(?<!(?:chest|head|back|stomach|belly|tummy|tooth|knee|ear|throat|leg|foot|feet|neck|hip|side|eye|arm|shoulder|cough|pain|migraine|cramps?|headache) (?:is |are |has been |was )?(?:really |just |literally )?)killing me`,
    `dying (?:to|for) (?:know|see|hear|get|try|find|meet|go)|dying of (?:curiosity|laughter|boredom|embarrassment)`,
    `(?:about to|going to|gonna|nearly|almost|practically|gave me|give me|giving me|have|had|having) (?:a )?(?:heart attack|stroke)(?:~(?:lol|lmao|haha|bill|price|cost|wait|hold|charge|when i (?:saw|got|read|opened)|over|about))`,
    `heart attack (?:lol|lmao|haha)`,
    `(?:wants? to|wanna|going to|gonna|could|i'?ll|will|about to) (?:kill|murder|strangle) (?:him|her|them|you|my \\w+|his \\w+|her \\w+)~~(?:lol|lmao|haha|jk|just kidding)`,
    `(?:lose|losing|lost) (?:my|his|her) mind|going crazy|drives? me crazy|sick (?:and tired )?of|pain in the (?:neck|butt|ass)|bleeding (?:me|us) dry|broke my heart|heart ?broken|scared to death|bored to death|worried sick|dead tired|dead on (?:my|his|her) feet|could (?:just )?die|kill me now|stroke of (?:luck|genius)|take (?:my|your) breath away|out of breath (?:from|laughing)|choke on (?:the|that) (?:price|bill)|(?:bill|cost|price)~(?:choke|faint|pass out)`,
  ],
};
