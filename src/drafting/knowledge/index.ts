/** The clinic's own knowledge (prompts/knowledge): contacts, topic passages, standing answers, and their search. */
export { loadKnowledge, KnowledgeConfigError, KNOWLEDGE_DIR, type KnowledgeFile } from './load';
export { createKnowledgeIndex, MIN_SCORE, type KnowledgeIndex } from './search';
export type { ClinicKnowledge, ClinicContacts, KnowledgeHit, KnowledgePassage, WarningSigns } from './types';
export { warningSignsFor } from './warning-signs';
