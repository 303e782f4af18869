/**
 * The warning signs for an urgent reply come from the protocol that made the message urgent: a fever
 * gets a fever's signs, a swollen leg a clot's. Only urgent reasons count; a routine symptom gets none.
 */
import type { TriageResult } from '../../triage/types';
import type { WarningSigns } from './types';

export function warningSignsFor(triage: TriageResult, signs: WarningSigns[]): WarningSigns | undefined {
  const names = triage.reasons
    .filter((r) => r.startsWith('urgent:'))
    .map((r) => (r.slice('urgent:'.length).split('—')[0] ?? '').trim().toLowerCase());
  for (const name of names) {
    const found = signs.find((s) => s.reasons.some((r) => name.includes(r)));
    if (found) return found;
  }
  return undefined;
}
