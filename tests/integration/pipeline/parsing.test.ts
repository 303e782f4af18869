/** The pure parts of the pipeline: reading a portal Communication, and measuring an edit. */
import { MAX_STORED_BODY_CHARS, parseCommunication } from '../../../src/portal/communication';
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

  it('ignores what is not a patient writing in, and keeps what is malformed as unreadable', () => {
    expect(parseCommunication({ ...base, sender: { reference: 'Practitioner/d1' } }).kind).toBe('ignored');
    expect(parseCommunication({ ...base, status: 'entered-in-error' }).kind).toBe('ignored');
    expect(parseCommunication({ ...base, payload: [] })).toMatchObject({
      kind: 'unreadable',
      item: { reason: 'no_payload', portalId: 'c1', patientRef: 'Patient/p1' },
    });
    expect(parseCommunication({ ...base, sender: undefined })).toMatchObject({
      item: { reason: 'no_sender' },
    });
    expect(parseCommunication({ ...base, sender: { display: 'Me' } })).toMatchObject({
      item: { reason: 'sender_not_a_reference' },
    });
    expect(parseCommunication({ ...base, payload: 'text' })).toMatchObject({
      kind: 'unreadable',
      item: { portalId: 'c1', reason: 'invalid_shape' },
      lastUpdated: new Date('2026-03-01T10:00:00.123Z'),
    });
    // Malformed and from a clinician: not a patient's message at all.
    expect(parseCommunication({ ...base, sender: { reference: 'Practitioner/d1' }, payload: 'x' }).kind).toBe(
      'ignored',
    );
    const nothing = parseCommunication(null);
    expect(nothing).toMatchObject({
      kind: 'unreadable',
      item: { reason: 'invalid_shape', rawEscaped: 'null' },
    });
  });

  it('normalises text PostgreSQL cannot store, flags it and keeps the original escaped', () => {
    const text = 'chest pain\u0000 since \ud800 an hour';
    const parsed = parseCommunication({
      ...base,
      topic: { text: 'Hi\u0000' },
      payload: [{ contentString: text }],
    });
    if (parsed.kind !== 'message') throw new Error('not a message');
    expect(parsed.message.body).toBe('chest pain\ufffd since \ufffd an hour');
    expect(parsed.message.subject).toBe('Hi\ufffd');
    expect(parsed.message.flags).toEqual(['text_normalised']);
    expect(parsed.message.originalEscaped).not.toContain('\u0000');
    expect(JSON.parse(parsed.message.originalEscaped!)).toEqual({ subject: 'Hi\u0000', body: text });
    // A well-formed surrogate pair (an emoji) is left alone.
    const emoji = parseCommunication({ ...base, payload: [{ contentString: 'ok 😀' }] });
    expect(emoji).toMatchObject({ message: { body: 'ok 😀', flags: [], originalEscaped: null } });
  });

  it('keeps long messages whole up to the limit, and beyond it keeps the start and the end', () => {
    const long = parseCommunication({ ...base, payload: [{ contentString: 'word '.repeat(30_000) }] });
    expect(long).toMatchObject({ message: { flags: ['long_message'], originalEscaped: null } });
    if (long.kind !== 'message') throw new Error('not a message');
    expect(long.message.body.length).toBe(150_000);
    const huge = 'x'.repeat(MAX_STORED_BODY_CHARS * 1.5) + ' crushing chest pain';
    const parsed = parseCommunication({ ...base, payload: [{ contentString: huge }] });
    if (parsed.kind !== 'message') throw new Error('not a message');
    expect(parsed.message.flags).toEqual(['long_message', 'body_shortened']);
    expect(parsed.message.body.endsWith('crushing chest pain')).toBe(true);
    expect(parsed.message.body.length).toBeLessThan(huge.length);
  });

  it('treats a date PostgreSQL cannot store (a year outside 1–9999) as no date', () => {
    const parsed = parseCommunication({
      ...base,
      meta: { lastUpdated: '+275760-09-13T00:00:00.000Z' },
      sent: '-004713-11-23T23:59:59.999Z',
    });
    if (parsed.kind !== 'message') throw new Error('not a message');
    expect(parsed.lastUpdated).toBeUndefined();
    // Neither date is usable: received when read.
    expect(Math.abs(parsed.message.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const sentOnly = parseCommunication({ ...base, sent: '-004713-11-23T23:59:59.999Z' });
    if (sentOnly.kind !== 'message') throw new Error('not a message');
    expect(sentOnly.message.receivedAt).toEqual(new Date('2026-03-01T10:00:00.123Z'));
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
