/** The fixed emergency reply, per kind of emergency, with the clinic's numbers; never generated. */
import { templateFor, type PromptSet } from './prompts';
import { composeLetter, markParagraphs, render, tidy, type TemplateDraft } from './template-draft';
import type { DraftLanguage, TemplateKind } from './types';

export interface EmergencyOptions {
  /** The emergency's own text (anaphylaxis, labour, poisoning ...); `emergency` for the rest. */
  kind: TemplateKind;
  selfHarm?: boolean;
  nurseAlerted?: boolean;
  clinicPhone?: string;
}

/**
 * The fixed emergency reply, never generated: the text for this kind of emergency with the clinic's
 * numbers. For a language the clinic does not write in, the short general line in that language (when
 * the clinic has one) comes first, then the English text.
 */
export function emergencyDraft(
  prompts: PromptSet,
  messageLanguage: string,
  lang: DraftLanguage,
  name: string | undefined,
  o: EmergencyOptions,
): TemplateDraft {
  const kind = templateFor(prompts, o.kind, lang) ? o.kind : 'emergency';
  const main = templateFor(prompts, kind, lang) ?? '';
  const own = lang === messageLanguage ? undefined : templateFor(prompts, 'emergency', messageLanguage);
  const c = prompts.knowledge.contacts;
  const view = {
    self_harm: o.selfHarm ?? false,
    nurse_alerted: o.nurseAlerted ?? false,
    clinic_phone: prompts.voice.clinic_phone,
    emergency_number: c.emergency,
    poison_control: c.poison_control,
    crisis_line: c.crisis_line,
    labor_delivery: c.labor_delivery,
    labor_delivery_place: c.labor_delivery_place,
    dv_hotline: c.dv_hotline,
  };
  const body = [own, main]
    .filter((t): t is string => !!t)
    .map((t) => tidy(render(markParagraphs(t), view)))
    .join('\n\n');
  return {
    body: composeLetter(prompts.voice, lang, name, body),
    kinds: [kind],
    templateText: [own ?? '', main].join('\n'),
  };
}
