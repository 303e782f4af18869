import type { FhirCommunication } from './fhir-types';
import { ORGANIZATION_ID } from './staff';

/** A Communication not yet stored: the server gives it its id. */
export type NewCommunication = Omit<FhirCommunication, 'id'> & { resourceType: 'Communication'; id?: string };

/** A patient's portal message to the clinic, exactly as a portal stores it: the Patient is the sender. */
export function patientMessage(patientId: string, text: string, sent: Date = new Date()): NewCommunication {
  return {
    resourceType: 'Communication',
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    sender: { reference: `Patient/${patientId}` },
    recipient: [{ reference: `Organization/${ORGANIZATION_ID}` }],
    sent: sent.toISOString(),
    payload: [{ contentString: text }],
  };
}
