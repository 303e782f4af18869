import {
  createFaultState,
  createFhirStore,
  createSandboxApp,
  type FaultState,
  type FhirStore,
} from '../../../src/portal/sandbox';
import type { Express } from 'express';

/** Shared setup of the sandbox server tests: a small store, fault switches, the app. */
export const FHIR = '/fhir/R4';

export function patientMessage(patientId: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Communication',
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    sender: { reference: `Patient/${patientId}` },
    recipient: [{ reference: 'Organization/clinic' }],
    sent: '2026-03-01T10:00:00Z',
    payload: [{ contentString: text }],
    ...extra,
  };
}

export interface SandboxFixture {
  store: FhirStore;
  faults: FaultState;
  app: Express;
}

export function createSandboxFixture(): SandboxFixture {
  const store = createFhirStore();
  const faults = createFaultState();
  const app = createSandboxApp({ store, faults });
  store.put({ resourceType: 'Organization', id: 'clinic', name: 'Clinic' });
  store.put({ resourceType: 'Patient', id: 'p1', gender: 'female' });
  store.put({ resourceType: 'Patient', id: 'p2', gender: 'male' });
  return { store, faults, app };
}
