/**
 * fast-check generators of what a hostile or buggy portal may send as a Communication: arbitrary
 * JSON, strings with NUL, lone surrogates and odd characters, huge texts, wrong types, odd
 * references. Shared by the parser's fuzz test and the poller's property test.
 */
import fc from 'fast-check';

// eslint-disable-next-line no-control-regex -- NUL is exactly what must never reach PostgreSQL
export const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const fhirId = fc.stringMatching(/^[A-Za-z0-9\-.]{1,64}$/);

/** Characters a hostile portal might send, weighted towards the ones that broke intake before. */
const hostileChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff') },
  { weight: 2, arbitrary: fc.constantFrom('\ud83d\ude00', 'é', 'ß', '中', '\u202e', '\ufeff', '\ufffd') },
  { weight: 2, arbitrary: fc.constantFrom('"', '\\', '\n', '\r', '\t', '<', '{', '/', ' ') },
  { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const hostileString = fc.string({ unit: hostileChar, maxLength: 60 });

export interface HostileOptions {
  /** Lengths of the rare huge texts (hostile characters at both ends). */
  hugeLengths: number[];
}

const FIELDS = [
  'resourceType',
  'id',
  'meta',
  'status',
  'subject',
  'sender',
  'partOf',
  'inResponseTo',
  'sent',
  'topic',
  'payload',
];

export function hostileArbitraries(options: HostileOptions) {
  const hugeString = fc
    .tuple(hostileString, fc.constantFrom(...options.hugeLengths), hostileString)
    .map(([head, n, tail]) => `${head}${'x'.repeat(n)}${tail}`);
  const text = fc.oneof({ weight: 20, arbitrary: hostileString }, { weight: 1, arbitrary: hugeString });
  const oddReference = fc.oneof(
    fc.constantFrom(
      'Patient/p1',
      'Patient/',
      'patient/p1',
      'Practitioner/d1',
      'RelatedPerson/r1',
      'http://portal.example/fhir/R4/Patient/p1/_history/3',
      '#contained',
      'urn:uuid:0f0e',
      'Patient/p1\u0000',
      'Patient/../../etc',
      `Patient/${'a'.repeat(65)}`,
      `Patient/${'b'.repeat(3000)}`,
    ),
    hostileString,
  );
  const reference = fc.oneof(
    fc.record({ reference: oddReference }, { requiredKeys: [] }),
    fc.record({ display: hostileString }),
    fc.anything(),
  );
  const date = fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    hostileString,
    fc.anything(),
  );
  const payloadItem = fc.oneof(
    fc.record({ contentString: text }),
    fc.record({ contentAttachment: fc.record({ url: hostileString }) }),
    fc.record({ contentReference: reference }),
    fc.anything(),
  );
  /** Communication fields, each possibly missing or of the wrong type. */
  const hostileFields = fc.record(
    {
      resourceType: fc.oneof(fc.constant('Communication'), fc.constant('Patient'), fc.anything()),
      id: fc.oneof(fhirId, hostileString, fc.anything()),
      meta: fc.oneof(fc.record({ lastUpdated: date }, { requiredKeys: [] }), fc.anything()),
      status: fc.oneof(
        fc.constantFrom('completed', 'in-progress', 'preparation', 'entered-in-error'),
        fc.anything(),
      ),
      subject: reference,
      sender: reference,
      payload: fc.oneof(fc.array(payloadItem, { maxLength: 4 }), fc.anything()),
      partOf: fc.oneof(fc.array(reference, { maxLength: 2 }), fc.anything()),
      inResponseTo: fc.oneof(fc.array(reference, { maxLength: 2 }), fc.anything()),
      sent: date,
      topic: fc.oneof(fc.record({ text: hostileString }), fc.anything()),
    },
    { requiredKeys: [] },
  );
  /** A patient message with hostile text, a few of its fields then replaced by hostile ones. */
  const hostileCommunication = fc
    .tuple(
      fhirId,
      fc.array(payloadItem, { minLength: 1, maxLength: 3 }),
      fc.array(fc.record({ contentString: text }), { minLength: 1, maxLength: 3 }),
      hostileFields,
      // Only a few fields replaced, so that many inputs stay readable and their text is checked too.
      fc.subarray(FIELDS, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([patient, odd, texts, allFields, replaced, keepPayload]): Record<string, unknown> => {
      const fields: Record<string, unknown> = Object.fromEntries(
        Object.entries(allFields).filter(([k]) => replaced.includes(k)),
      );
      return {
        resourceType: 'Communication',
        id: `c-${patient}`.slice(0, 64),
        status: 'completed',
        subject: { reference: `Patient/${patient}` },
        sender: { reference: `Patient/${patient}` },
        sent: '2026-03-01T09:59:00Z',
        ...fields,
        payload: 'payload' in fields ? fields.payload : keepPayload ? [...texts, ...odd] : texts,
      };
    });
  /** Our own replies and the portal's staff messages: passed over, whatever else is odd about them. */
  const notFromAPatient = fc
    .tuple(hostileCommunication, fc.constantFrom('Practitioner/d1', 'Organization/o1', 'RelatedPerson/r1'))
    .map(([c, sender]) => ({ ...c, sender: { reference: sender } }));
  /** A well-formed patient message whose only oddity is its text. */
  const wellFormed = fc
    .tuple(fhirId, fc.array(text, { minLength: 1, maxLength: 3 }))
    .map(([patient, parts]) => ({
      parts,
      resource: {
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: `Patient/${patient}` },
        sender: { reference: `Patient/${patient}` },
        sent: '2026-03-01T09:59:00Z',
        payload: parts.map((contentString) => ({ contentString })),
      } as Record<string, unknown>,
    }));
  return { text, hostileCommunication, notFromAPatient, wellFormed };
}
