import type { FhirResource } from '../fhir-types';
import { isSandboxResourceType } from '../fhir-types';
import { startSandboxServer, type RunningSandbox, type SandboxAppOptions } from './app';
import { createFhirStore, type FhirStore } from './store';
import { allResources, generateClinic, generateMessages } from './synthetic';

/** Puts resources into the store keeping their ids; returns how many of each type went in. */
export function seedStore(store: FhirStore, resources: readonly FhirResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    if (!isSandboxResourceType(resource.resourceType)) continue;
    store.put(resource);
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return counts;
}

/**
 * A store holding the project's synthetic clinic: staff, each patient's chart, then `messages`
 * patient messages from the past week (oldest first, so lastUpdated follows sent time).
 */
export function createSeededStore(options: {
  seed: number;
  patients: number;
  messages?: number;
  now?: Date;
}): {
  store: FhirStore;
  counts: Record<string, number>;
} {
  const store = createFhirStore();
  const clinic = generateClinic({ seed: options.seed, patients: options.patients, now: options.now });
  const messages = generateMessages({
    seed: options.seed,
    count: options.messages ?? 0,
    clinic,
    now: options.now,
  });
  const counts = seedStore(store, [...allResources(clinic), ...messages.map((m) => m.communication)]);
  return { store, counts };
}

export interface SeededSandboxOptions extends Omit<SandboxAppOptions, 'store'> {
  seed?: number;
  patients?: number;
  /** Patient messages already waiting in the portal at start; default 0. */
  messages?: number;
  port?: number;
  host?: string;
}

/** The sandbox portal with the synthetic clinic loaded, listening (for `npm run portal` and the demo). */
export async function startSeededSandbox(
  options: SeededSandboxOptions = {},
): Promise<RunningSandbox & { counts: Record<string, number> }> {
  const { store, counts } = createSeededStore({
    seed: options.seed ?? 1,
    patients: options.patients ?? 300,
    messages: options.messages ?? 0,
  });
  const running = await startSandboxServer({ ...options, store });
  return { ...running, counts };
}
