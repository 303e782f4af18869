/**
 * Property-based fuzzing of the poller's FHIR parsing (issue 12): whatever a portal sends — arbitrary
 * JSON, hostile strings (NUL, lone surrogates, huge), wrong types, odd references — parseCommunication
 * never throws, always says message / ignored / unreadable, and everything it hands on stores in
 * PostgreSQL text (no NUL, no lone surrogate). A well-formed patient message is always a message.
 */
import fc from 'fast-check';
import {
  MAX_STORED_BODY_CHARS,
  parseCommunication,
  type ParsedCommunication,
} from '../../../src/portal/communication';
import { FHIR_ID_PATTERN } from '../../../src/portal/fhir-types';
import { storableText } from '../../../src/portal/storable-text';
import { fhirId, hostileArbitraries, UNSTORABLE } from '../../helpers/hostile-communications';

const { hostileCommunication, notFromAPatient, wellFormed } = hostileArbitraries({
  // Up to 1,000,000 characters are kept whole; beyond, the head and tail are kept.
  hugeLengths: [10_001, 200_000, MAX_STORED_BODY_CHARS + 5],
});

const anyInput = fc.oneof(
  { weight: 4, arbitrary: hostileCommunication },
  { weight: 1, arbitrary: notFromAPatient },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.anything() },
);

/** Every string reachable in the parse result (dates are not strings). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

function checkStorable(parsed: ParsedCommunication): void {
  expect(['message', 'ignored', 'unreadable']).toContain(parsed.kind);
  for (const s of stringsIn(parsed)) expect(UNSTORABLE.test(s)).toBe(false);
  if (parsed.kind === 'message') {
    const m = parsed.message;
    expect(m.portalId).toMatch(FHIR_ID_PATTERN);
    expect(m.senderRef.startsWith('Patient/')).toBe(true);
    expect(m.patientRef.startsWith('Patient/')).toBe(true);
    expect(Number.isNaN(m.receivedAt.getTime())).toBe(false);
    expect(m.body.length).toBeLessThanOrEqual(MAX_STORED_BODY_CHARS + 200);
  }
  if (parsed.kind === 'unreadable') {
    if (parsed.item.portalId !== undefined) expect(parsed.item.portalId).toMatch(FHIR_ID_PATTERN);
    expect(parsed.item.rawEscaped.length).toBeLessThanOrEqual(100_100);
  }
}

describe('parseCommunication under fuzzing', () => {
  it('never throws, always classifies, and hands on only storable text', () => {
    const kinds = { message: 0, ignored: 0, unreadable: 0 };
    fc.assert(
      fc.property(anyInput, (raw) => {
        const parsed = parseCommunication(raw);
        checkStorable(parsed);
        kinds[parsed.kind] += 1;
      }),
      { numRuns: 600 },
    );
    // The inputs reach every outcome, so each one's checks actually ran.
    expect(kinds.message).toBeGreaterThan(60);
    expect(kinds.ignored).toBeGreaterThan(30);
    expect(kinds.unreadable).toBeGreaterThan(60);
  });

  it('takes in every well-formed patient message, whatever its text, with the text kept', () => {
    const input = fc.tuple(wellFormed, fhirId, fc.date({ noInvalidDate: true }));
    fc.assert(
      fc.property(input, ([{ parts, resource }, id, lastUpdated]) => {
        const parsed = parseCommunication({
          ...resource,
          id,
          meta: { lastUpdated: lastUpdated.toISOString() },
        });
        checkStorable(parsed);
        if (parsed.kind !== 'message') throw new Error(`a well-formed message became ${parsed.kind}`);
        const joined = storableText(parts.join('\n\n')).text;
        if (joined.length <= MAX_STORED_BODY_CHARS) expect(parsed.message.body).toBe(joined);
        else expect(parsed.message.flags).toContain('body_shortened');
        expect(parsed.message.flags.includes('text_normalised')).toBe(UNSTORABLE.test(parts.join('\n\n')));
        // FHIR instants have four-digit years; others (PostgreSQL refuses some) are no date at all.
        const year = lastUpdated.getUTCFullYear();
        expect(parsed.lastUpdated?.getTime()).toBe(
          year >= 1 && year <= 9999 ? lastUpdated.getTime() : undefined,
        );
      }),
      { numRuns: 300 },
    );
  });
});
