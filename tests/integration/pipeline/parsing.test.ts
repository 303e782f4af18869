/** The pure parts of the pipeline: reading a portal Communication, and measuring an edit. */
import { parseCommunication } from '../../../src/portal/communication';
import { summarizeEdit } from '../../../src/messages/text-diff';

const base = {
  resourceType: 'Communication',
  id: 'c1',
  meta: { lastUpdated: '2026-03-01T10:00:00.123Z' },
  status: 'completed',
  sender: { reference: 'Patient/p1' },
  payload: [{ contentString: 'Hello' }],
};

describe('parseCommunication', () => {
  it('reads a patient message, its thread links and the patient it is about', () => {
    const parsed = parseCommunication({
      ...base,
      subject: { reference: 'Patient/child-1' },
      sender: { reference: 'http://portal.example/fhir/R4/Patient/p1' },
      partOf: [{ reference: 'Communication/root' }],
      inResponseTo: [{ reference: 'Communication/prev' }],
      sent: '2026-03-01T09:59:00Z',
      topic: { text: 'Question' },
      payload: [{ contentString: 'Part one' }, { contentString: 'Part two' }],
    });
    expect(parsed).toMatchObject({
      kind: 'message',
      lastUpdated: new Date('2026-03-01T10:00:00.123Z'),
      message: {
        portalId: 'c1',
        patientRef: 'Patient/child-1',
        senderRef: 'Patient/p1',
        subject: 'Question',
        body: 'Part one\n\nPart two',
        partOfRef: 'Communication/root',
        inResponseToRef: 'Communication/prev',
        receivedAt: new Date('2026-03-01T09:59:00Z'),
        flags: [],
      },
    });
  });

  it('keeps an attachment-only message, flagged, rather than dropping it', () => {
    const parsed = parseCommunication({ ...base, payload: [{ contentAttachment: { url: 'x' } }] });
    expect(parsed).toMatchObject({ kind: 'message', message: { body: '', flags: ['non_text_payload'] } });
  });

  it('ignores what is not a patient writing in, and rejects what is malformed', () => {
    expect(parseCommunication({ ...base, sender: { reference: 'Practitioner/d1' } }).kind).toBe('ignored');
    expect(parseCommunication({ ...base, status: 'entered-in-error' }).kind).toBe('ignored');
    expect(parseCommunication({ ...base, payload: [] })).toMatchObject({
      kind: 'rejected',
      reason: 'no_payload',
    });
    expect(parseCommunication({ ...base, sender: undefined })).toMatchObject({ reason: 'no_sender' });
    expect(parseCommunication({ ...base, sender: { display: 'Me' } })).toMatchObject({
      reason: 'sender_not_a_reference',
    });
    expect(parseCommunication({ ...base, payload: 'text' })).toMatchObject({
      kind: 'rejected',
      portalId: 'c1',
      reason: 'invalid_shape',
      lastUpdated: new Date('2026-03-01T10:00:00.123Z'),
    });
    expect(parseCommunication(null)).toMatchObject({ kind: 'rejected', reason: 'invalid_shape' });
    expect(parseCommunication({ ...base, payload: [{ contentString: 'x'.repeat(100_001) }] })).toMatchObject({
      reason: 'body_too_long',
    });
  });
});

describe('summarizeEdit', () => {
  it('counts words added, removed and changed, without keeping the texts', () => {
    expect(summarizeEdit('Take one tablet daily.', 'Take one tablet daily.')).toMatchObject({
      unchanged: true,
      wordEdits: 0,
    });
    const s = summarizeEdit('Take one tablet daily.', 'Please take two tablets daily, with food.');
    expect(s).toEqual({
      unchanged: false,
      draftWords: 4,
      sentWords: 7,
      wordEdits: 5,
      wordsAdded: 5,
      wordsRemoved: 2,
    });
    expect(summarizeEdit(null, 'Written from blank')).toMatchObject({
      unchanged: false,
      draftWords: 0,
      wordsAdded: 3,
    });
  });
});
