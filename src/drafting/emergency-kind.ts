/**
 * Which emergency a message is, from the triage reason that made it emergent (and, to tell a threat
 * from a thought, the words around it). Each kind has its own vetted text with the one step that
 * matters; anything else gets the general emergency text.
 */
import type { TriageResult } from '../triage/types';
import { fold } from './reading-patterns';
import { mentionsSelfHarm } from './reading';
import type { TemplateKind } from './types';

export type EmergencyKind = Extract<TemplateKind, `emergency${string}`>;

const ANAPHYLAXIS = /anaphyla|throat or tongue swelling|severe allergic/;
const LABOR = /pregnan|leaking fluid|baby has stopped moving|baby not moving|contractions|labou?r\b/;
const POISON = /overdose|poison/;
const UNRESPONSIVE = /unresponsive|not breathing/;
const VIOLENCE_REASON = /harming others|violence|abuse/;
// Someone else threatens the patient ("he said he will kill me"), not the patient's own thought.
const THREATENED =
  /\b(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse|son|daughter|father|mother|dad|mom))\b[^.?!\n]{0,60}\b(?:kill|hurt|hit|beat|choke|strangle|shoot|stab|threaten\w*)\b[^.?!\n]{0,20}\b(?:me|us|my)\b|\b(?:mi (?:esposo|esposa|pareja|novio|novia|ex))\b[^.?!\n]{0,60}\b(?:matar|pegar|golpear|lastimar|amenaz\w*)/;

function emergentReasons(triage: TriageResult): string {
  return triage.reasons
    .filter((r) => r.startsWith('emergent'))
    .map((r) => (r.split('—')[0] ?? r).toLowerCase())
    .join('\n');
}

export function emergencyKind(triage: TriageResult, text: string): EmergencyKind {
  const reasons = emergentReasons(triage);
  const t = fold(text);
  if (VIOLENCE_REASON.test(reasons) && THREATENED.test(t)) return 'emergency_violence';
  if (THREATENED.test(t) && !reasons) return 'emergency_violence';
  if (mentionsSelfHarm(text, triage.reasons)) return 'emergency_self_harm';
  if (ANAPHYLAXIS.test(reasons)) return 'emergency_anaphylaxis';
  if (POISON.test(reasons)) return 'emergency_poison';
  if (UNRESPONSIVE.test(reasons)) return 'emergency_unresponsive';
  if (LABOR.test(reasons)) return 'emergency_labor';
  return 'emergency';
}
