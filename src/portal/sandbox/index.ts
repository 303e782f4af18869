export { createSandboxApp, startSandboxServer, type RunningSandbox, type SandboxAppOptions } from './app';
export { createFhirStore, FhirStore, type FhirStoreOptions } from './store';
export { createFaultState, type FaultSettings, type FaultSettingsInput, type FaultState } from './faults';
export type { SmartOptions, SmartClientRegistration } from './smart';
export type { SandboxContext } from './context';
export { createSeededStore, seedStore, startSeededSandbox, type SeededSandboxOptions } from './seed';
