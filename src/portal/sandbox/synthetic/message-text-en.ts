/** English message templates, several per scenario, written the way patients and parents write. */
import type { TextSlots } from './message-slots';
import type { Rng } from './prng';

export type Template = (s: TextSlots, r: Rng) => string;

const whose = (s: TextSlots) => (s.forChild ? `${s.kid}'s` : 'my');
const spouse = (s: TextSlots, r: Rng) =>
  r.pick(s.gender === 'female' ? ['my wife', 'my mom', 'my mother'] : ['my husband', 'my dad', 'my father']);
const pronoun = (s: TextSlots) => (s.gender === 'female' ? 'she' : 'he');

export const EN: Record<string, Template[]> = {
  chest_pain: [
    () =>
      "I've had a heavy pressure in my chest for about an hour and it's going into my left arm. I'm sweating and feel sick to my stomach. Is this something I should worry about?",
    (s, r) =>
      `chest pain since this morning, feels like someone is sitting on my chest and i cant catch my breath. ${r.pick(['should i come in today?', 'can i get in to see ' + s.doctor + '?'])}`,
    () =>
      'Sharp tightness in the middle of my chest that spreads to my jaw when I walk up the stairs, started 30 minutes ago and it is not going away.',
  ],
  stroke_signs: [
    (s, r) =>
      `Writing for ${spouse(s, r)}. In the last half hour the left side of ${s.gender === 'female' ? 'her' : 'his'} face is drooping and ${pronoun(s)} is slurring words. ${s.gender === 'female' ? 'She' : 'He'} says ${pronoun(s)} is fine and just tired. What should we do?`,
    () =>
      'Sudden weakness in my right arm and leg since lunch and my words come out wrong. I can type but it is hard.',
  ],
  infant_fever: [
    (s) =>
      `${s.kid} ${s.child} is ${s.kidAgeWeeks} weeks old and has a rectal temp of 100.9. ${s.kid === 'my son' ? 'He' : 'She'} is fussier than usual but still feeding. Do we need to come in?`,
    (s) =>
      `our ${s.kidAgeWeeks} week old baby feels hot, thermometer says 38.4 C. ${s.kid === 'my son' ? 'he' : 'she'} is sleeping a lot more today. what should i do`,
  ],
  pregnancy_bleeding: [
    (s) =>
      `I'm ${s.weeks} weeks pregnant and started bleeding heavily about an hour ago, soaking a pad every 20 minutes, with bad cramps.`,
    (s) =>
      `${s.weeks} weeks pregnant and I haven't felt the baby move at all since yesterday evening. I tried drinking juice and lying on my side.`,
  ],
  anaphylaxis: [
    (s) =>
      s.forChild
        ? `${s.kid} ${s.child} ate something with ${s.allergy.toLowerCase()} in it and now ${s.kid === 'my son' ? 'his' : 'her'} lips are swelling and ${s.kid === 'my son' ? 'he' : 'she'} is wheezing and scratching at ${s.kid === 'my son' ? 'his' : 'her'} throat.`
        : `I think I ate something with ${s.allergy.toLowerCase()} in it at lunch and now my lips and tongue are swelling and my throat feels tight.`,
    (s) =>
      `${s.forChild ? `${s.kid}'s throat is closing up and ${s.kid === 'my son' ? "he's" : "she's"}` : "my throat is closing up and I'm"} wheezing after ${s.forChild ? 'eating' : 'I had'} ${s.allergy.toLowerCase()} by accident. I used my epipen 10 minutes ago. is there anything else I should do?`,
  ],
  suicidal_plan: [
    () =>
      "I can't do this anymore. I have been saving up my pills and I plan to take them all tonight. I just wanted someone to know.",
    () =>
      'I have been thinking about ending my life and I have a plan. I do not feel safe being alone right now.',
  ],
  gi_bleed_anticoagulant: [
    (s) =>
      `I take ${s.med} for my heart rhythm. Since yesterday my stools are black and tarry and this morning I almost passed out in the bathroom.`,
    (s) =>
      `been throwing up what looks like coffee grounds twice today. i am on ${s.med}. feel really weak and dizzy`,
  ],
  overdose: [
    (s) =>
      `I took way too many of my ${s.med} pills about an hour ago, maybe 20 of them. I feel dizzy and my heart is racing.`,
    (s, r) =>
      `${spouse(s, r)} is confused and I think ${pronoun(s)} took the whole bottle of ${s.med} by mistake. It was full yesterday.`,
  ],
  hypoglycemia_confused: [
    (s, r) =>
      `${spouse(s, r)} took ${s.gender === 'female' ? 'her' : 'his'} ${s.med} but skipped dinner. Now ${pronoun(s)} is sweaty, confused and not making sense. Sugar on the meter says 41.`,
  ],
  uti_fever: [
    () =>
      'Burning when I pee for 3 days and now fever of 101.5 with chills and pain in my right side of my back. Can someone call me in something?',
    () =>
      "I think I have a bladder infection again. It hurts to urinate and I'm running a temp of 101 and shaking chills since last night.",
  ],
  asthma_flare: [
    (s) =>
      `${s.forChild ? `${s.kid} ${s.child} has` : 'I have'} been wheezing since last night and the ${s.med} is only helping for about an hour. ${s.forChild ? 'Still talking in full sentences and playing a little' : 'I can still talk in full sentences'} but it's getting worse.`,
    (s) =>
      `asthma is acting up bad with this cold, using the ${s.med} every 2 to 3 hours. no blue lips or anything. can ${s.forChild ? 'we' : 'i'} be seen today?`,
  ],
  rash_new_medicine: [
    (s) =>
      `${s.forChild ? `${s.kid} started` : 'I started'} ${s.med} last week and now ${s.forChild ? 'has' : 'I have'} an itchy red rash on the chest and arms. No swelling of the lips or throat and breathing is fine. Should ${s.forChild ? 'we' : 'I'} stop it?`,
    (s) =>
      `new rash all over my back since I began the ${s.med} ${s.medDose}. its itchy but no trouble breathing. keep taking it or not?`,
  ],
  out_of_critical_medicine: [
    (s) =>
      `${s.forChild ? `${s.kid} ${s.child} only has` : 'I only have'} one dose of ${s.med} left, the mail order is delayed. Can you send a short supply to my local pharmacy today?`,
    (s, r) =>
      `I ran out of my ${s.med} ${r.pick(['last night', 'this morning', 'today'])} and the pharmacy says the prescription needs a new approval. Please help, I can't miss doses of this one.`,
    (s) =>
      `pharmacy wont fill ${whose(s)} ${s.med} until the doctor signs off and ${s.forChild ? 'we have' : 'i have'} none left for tonight`,
  ],
  high_home_bp: [
    (s) =>
      `My home blood pressure this morning was ${s.homeBp} and again ${s.homeBp} an hour later. No chest pain, no headache, no trouble seeing. ${s.med ? `Should I take an extra ${s.med}?` : 'What should I do?'}`,
    (s) =>
      `bp has been running high all week, today ${s.homeBp}. i feel ok, just a little lightheaded when i stand up.`,
  ],
  child_fever: [
    (s) =>
      `${s.kid} ${s.child} (${s.kidAgeYears}) has had a fever of 103 since yesterday. Drinking and peeing ok, playing when the Tylenol kicks in. Can we get seen today?`,
    (s) =>
      `${s.child} has fever 102.8 and ear pain since last night, still drinking juice. Is there an opening today?`,
  ],
  passive_si: [
    (s) =>
      `Lately I sometimes think everyone would be better off without me. I don't have a plan and I won't do anything, but the ${s.med || 'medicine'} doesn't seem to be helping anymore.`,
    () =>
      "I've been feeling really down and some days I wish I wouldn't wake up. I'm safe, no plans, but I think I need to talk to someone soon.",
  ],
  vomiting_dehydration: [
    (s) =>
      `${s.forChild ? `${s.kid} has` : "I've"} been throwing up since last night and can't keep even water down. ${s.forChild ? (s.kidAgeYears < 3 ? 'Only one wet diaper today.' : 'Barely peed since this morning.') : "I'm dizzy when I stand and haven't peed since morning."}`,
    (s) =>
      `stomach bug, vomiting and diarrhea for 2 days, ${s.forChild ? 'won’t drink anything' : 'cant keep fluids down'}. what should ${s.forChild ? 'we' : 'i'} do`,
  ],
  pregnancy_spotting: [
    (s) =>
      `I'm about ${s.weeks} weeks pregnant and noticed some light pink spotting this morning. No cramping. Is that normal?`,
  ],
  high_inr: [
    (s) => `The portal says my INR is ${s.value}. I take ${s.med} 5 mg. Should I change what I take tonight?`,
    (s) => `got my INR back at ${s.value}, flagged high. no bleeding. what do i do with my ${s.med}?`,
  ],
  wound_infection: [
    () =>
      'The cut on my leg from last week is now red, hot and swollen and there is yellow stuff draining from it. The redness is spreading up.',
    () => 'My incision from the surgery is leaking pus and I have a fever of 100.8 tonight.',
  ],
  refill: [
    (s) =>
      `Hi, can I please get a refill on ${whose(s)} ${s.med}? ${s.forChild ? 'We have' : 'I have'} about a week left.`,
    (s, r) =>
      `I need a refill of ${s.med} ${s.medDose} ${r.pick(['sent to my pharmacy', 'to the CVS on Main', 'to Walgreens', 'for 90 days please'])}. Thank you!`,
    (s) => `refill ${s.med} please, almost out`,
    (s) =>
      `Could ${s.doctor} renew ${whose(s)} ${s.med} prescription? The pharmacy said there are no refills left.`,
  ],
  medication_question: [
    (s) =>
      s.forChild
        ? `Can ${s.kid} take the ${s.med} with breakfast or does it need an empty stomach?`
        : `Can I take my ${s.med} with coffee in the morning or should I wait?`,
    (s) => `The pharmacy switched ${whose(s)} ${s.med} to a different looking pill. Is it the same medicine?`,
    (s) =>
      s.forChild
        ? `Is it ok to give ${s.kid} children's ibuprofen for a headache while on ${s.med}?`
        : `Is it ok to take ibuprofen for a headache while I'm on ${s.med}?`,
    (s) =>
      `${s.forChild ? `${s.kid} missed` : 'I forgot'} ${whose(s)} ${s.med} ${s.medDose} yesterday. Should ${s.forChild ? 'we give' : 'I take'} two today or just keep going as usual?`,
  ],
  result_question: [
    (s) => `I saw my ${s.result} came back at ${s.value}. What does that mean?`,
    (s) =>
      `Can someone explain my ${s.result} result? It says ${s.value} ${s.unit}${s.flag === 'H' ? ' and it is marked high' : s.flag === 'L' ? ' and it is marked low' : ''}.`,
    (s) => `Is my ${s.result} ok? I don't understand the numbers in the portal.`,
  ],
  result_trend: [
    (s) => `My ${s.result} went from ${s.prevValue} to ${s.value}. Is that better or worse?`,
    (s) =>
      `just saw my new labs, ${s.result} is ${s.value} now, last time it was ${s.prevValue}. should i be worried?`,
  ],
  explain_labs: [
    () => 'I got a notice that my blood work is back. Can you tell me if anything needs attention?',
    () => 'Could you go over my lab results with me? Some of them have an H next to them.',
  ],
  mild_symptom: [
    () =>
      'My right knee has been sore for a few weeks when I go down stairs. No swelling. Anything I can do or should I make an appointment?',
    () =>
      'Seasonal allergies are bad this week, runny nose and itchy eyes. Is it ok to use over the counter allergy pills?',
    () =>
      'I have had mild heartburn after dinner most nights this month. No trouble swallowing. Any suggestions?',
  ],
  feeling_better: [
    (s) =>
      `Just a quick update: ${s.forChild ? `${s.child}'s cough is gone and ${s.kid === 'my son' ? 'he' : 'she'} is back at school` : 'the cough is finally gone and I feel like myself again'}. Thanks ${s.doctor}!`,
    () => 'Feeling much better after the antibiotics, no more fever. Do I still need the follow up?',
  ],
  reschedule: [
    (s) =>
      `I need to reschedule ${whose(s)} ${s.visit.toLowerCase()} on ${s.date} at ${s.time}, I have to work. Any afternoons the week after?`,
    (s) => `can we move ${s.forChild ? `${s.child}'s` : 'my'} appointment on ${s.date}? something came up`,
  ],
  book_visit: [
    (s) =>
      `I'd like to schedule ${s.forChild ? `a checkup for ${s.kid} ${s.child}` : 'my yearly physical'} with ${s.doctor}. Mornings are best.`,
    () => 'How do I make an appointment for a flu shot? Can I just walk in?',
  ],
  cancel_visit: [
    (s) => `Please cancel ${whose(s)} appointment on ${s.date}. I will call to set up a new one later.`,
  ],
  billing: [
    (s) =>
      `I got a bill for $${s.amount} from my last visit but my insurance should have covered it. Can you check?`,
    () => 'Can I set up a payment plan for my balance? This bill is killing me.',
    () => 'My insurance changed on the first of the month. How do I update it before my next visit?',
  ],
  form_request: [
    (s) =>
      s.forChild
        ? `${s.child} needs a school sports physical form filled out. Can I drop it off or upload it here?`
        : 'I need my FMLA paperwork filled out for my job by the end of the month. Where do I send it?',
    (s) =>
      s.forChild
        ? `Can I get a copy of ${s.kid}'s immunization record for daycare?`
        : 'I need a note for work saying I was seen on Monday.',
  ],
  records_request: [
    () => "I'm moving to another state. How do I get a copy of my medical records sent to my new doctor?",
    () => 'Can you send my records from the last two years to the specialist I am seeing?',
  ],
  portal_login: [
    () => "I can't log in to the app, it keeps saying my password is wrong even after I reset it.",
    () => 'the portal locks me out every time i try the verification code. help',
  ],
  portal_missing_results: [
    () => 'I got a text that my results are ready but when I open the portal the page is blank.',
  ],
  thanks: [
    (s) =>
      `Thank you ${s.doctor} and the whole team for taking such good care of ${s.forChild ? `${s.kid}` : 'me'}. No questions, just wanted to say thanks.`,
    () => 'Thanks for calling me back so fast yesterday. Everything is good now.',
  ],
  contact_update: [
    (s) => `Please update my phone number to ${s.newPhone}. The old one is disconnected.`,
    (s) => `I moved, my new address is ${s.newAddress}. Please update my file.`,
  ],
  pharmacy_change: [
    () => 'Please change my preferred pharmacy to the Walgreens on Elm St, the Rite Aid closed.',
  ],
};

export const EN_GREETINGS = ['Hi,', 'Hello,', 'Good morning,', 'Hi there,', ''];
export const EN_CLOSINGS = ['Thanks', 'Thank you', 'Thanks so much', ''];
