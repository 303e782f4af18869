import type { FaultState } from './faults';
import type { SmartState } from './smart';
import type { FhirStore } from './store';
import type { SubscriptionState } from './subscriptions';

/** Everything a sandbox handler needs, built once per app by createSandboxApp. */
export interface SandboxContext {
  store: FhirStore;
  faults: FaultState;
  smart?: SmartState;
  /** Base for links and Location headers; default: derived from each request's Host. */
  publicBaseUrl?: string;
  adminEnabled: boolean;
  /** FHIR Subscriptions (rest-hook) registered by clients. */
  subscriptions: SubscriptionState;
}
