/** Drafting: a grounded reply in the clinic's voice, at the patient's reading level, from a model or templates. */
export { draftReply, chooseLanguage } from './drafter';
export {
  loadPrompts,
  PromptConfigError,
  type PromptSet,
  type VoiceSettings,
  type CategoryGuidance,
} from './prompts';
export { pickStyleExamples, type StyleCandidate } from './style-examples';
export { readingGrade, fleschKincaidGrade, fernandezHuertaEase, easeToGrade, countText } from './readability';
export { checkDraft, type SafetyContext } from './safety';
export { runDraftCli, DEFAULT_PROMPTS_DIR } from './cli';
export * from './types';
export { APPROVER_NOTES } from './staff-flags';
export { loadKnowledge, createKnowledgeIndex, type ClinicKnowledge, type KnowledgeHit } from './knowledge';
