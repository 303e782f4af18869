import request from 'supertest';
import { createFhirStore, createSandboxApp } from '../../../src/portal/sandbox';
import { createSandboxFixture, FHIR, patientMessage, type SandboxFixture } from './sandbox-fixture';

describe('sandbox FHIR server: read and create', () => {
  let f: SandboxFixture;
  beforeEach(() => {
    f = createSandboxFixture();
  });

  describe('read and create', () => {
    it('reads a resource and answers unknown ids and types with an OperationOutcome', async () => {
      const ok = await request(f.app).get(`${FHIR}/Patient/p1`).expect(200);
      expect(ok.headers['content-type']).toMatch(/application\/fhir\+json/);
      expect(ok.body).toMatchObject({ resourceType: 'Patient', id: 'p1', meta: { versionId: '1' } });
      const missing = await request(f.app).get(`${FHIR}/Patient/nope`).expect(404);
      expect(missing.body).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ code: 'not-found' }],
      });
      await request(f.app).get(`${FHIR}/Device/x`).expect(404);
      await request(f.app).get(`${FHIR}/Patient`).query({ _id: 'p1' }).expect(200);
      await request(f.app).get('/nowhere').expect(404);
      const put = await request(f.app).put(`${FHIR}/Patient/p1`).send({}).expect(405);
      expect(put.body.resourceType).toBe('OperationOutcome');
    });

    it('assigns id, version and strictly increasing lastUpdated even when the clock stands still', async () => {
      const pinned = createFhirStore({ now: () => Date.parse('2026-01-01T00:00:00Z') });
      const pinnedApp = createSandboxApp({ store: pinned });
      pinned.put({ resourceType: 'Patient', id: 'p1' });
      pinned.put({ resourceType: 'Organization', id: 'clinic' });
      const stamps: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await request(pinnedApp)
          .post(`${FHIR}/Communication`)
          .set('Content-Type', 'application/fhir+json')
          .send(JSON.stringify({ ...patientMessage('p1', `m${i}`), id: 'client-chosen' }))
          .expect(201);
        expect(res.body.id).not.toBe('client-chosen');
        expect(res.body.meta.versionId).toBe('1');
        expect(res.headers.location).toMatch(new RegExp(`/fhir/R4/Communication/${res.body.id}/_history/1$`));
        stamps.push(Date.parse(res.body.meta.lastUpdated));
      }
      for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]);
    });

    it.each([
      [
        'resourceType differs from the URL',
        { ...patientMessage('p1', 'x'), resourceType: 'Patient' },
        /resourceType/,
      ],
      ['Communication without payload', { ...patientMessage('p1', 'x'), payload: [] }, /payload/],
      [
        'payload with two contents',
        {
          ...patientMessage('p1', 'x'),
          payload: [{ contentString: 'a', contentReference: { reference: 'Patient/p1' } }],
        },
        /exactly one/,
      ],
      [
        'payload with a number for text',
        { ...patientMessage('p1', 'x'), payload: [{ contentString: 42 }] },
        /payload/,
      ],
      ['an unknown status', { ...patientMessage('p1', 'x'), status: 'sent' }, /status/],
      ['a patient that does not exist', patientMessage('ghost', 'x'), /Patient\/ghost does not exist/],
      [
        'a malformed reference',
        { ...patientMessage('p1', 'x'), sender: { reference: 'not a ref' } },
        /sender/,
      ],
      ['a malformed sent time', { ...patientMessage('p1', 'x'), sent: 'yesterday' }, /sent/],
      ['an array body', [patientMessage('p1', 'x')], /JSON object/],
    ])('rejects %s with a 400 OperationOutcome', async (_name, body, diagnostics) => {
      const res = await request(f.app)
        .post(`${FHIR}/Communication`)
        .send(body as object)
        .expect(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue[0].diagnostics).toMatch(diagnostics);
      expect(f.store.list('Communication')).toHaveLength(0);
    });

    it('rejects a deeply nested body that would break serialization later', async () => {
      const deep = `{"resourceType":"Patient","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      const res = await request(f.app)
        .post(`${FHIR}/Patient`)
        .set('Content-Type', 'application/fhir+json')
        .send(deep);
      expect(res.status).toBe(400);
      expect(res.body.issue[0].diagnostics).toMatch(/nests deeper/);
      await request(f.app)
        .post('/_admin/resources')
        .set('Content-Type', 'application/json')
        .send(deep)
        .expect(400);
      await request(f.app).get(`${FHIR}/Patient`).expect(200);
    });

    it('caps a huge _count at the page size limit', async () => {
      for (let i = 0; i < 1005; i++) f.store.put({ resourceType: 'Patient', id: `bulk${i}` });
      const res = await request(f.app).get(`${FHIR}/Patient`).query({ _count: '99999999' }).expect(200);
      expect(res.body.total).toBe(1007);
      expect(res.body.entry).toHaveLength(1000);
      expect(res.body.link.map((l: { relation: string }) => l.relation)).toContain('next');
    });

    it('rejects malformed JSON, oversize bodies and other media types without details', async () => {
      const bad = await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('Content-Type', 'application/fhir+json')
        .send('{"resourceType":')
        .expect(400);
      expect(bad.body.issue[0]).toMatchObject({
        code: 'structure',
        diagnostics: 'request body is not valid JSON',
      });
      const huge = patientMessage('p1', 'x'.repeat(2_000_000));
      const big = await request(f.app).post(`${FHIR}/Communication`).send(huge).expect(413);
      expect(big.body.resourceType).toBe('OperationOutcome');
      await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(415);
      const empty = await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('Content-Type', 'application/fhir+json')
        .send('')
        .expect(400);
      expect(empty.body.resourceType).toBe('OperationOutcome');
    });

    it('conditional create returns the existing resource instead of a duplicate, even when raced', async () => {
      const withId = (text: string, value = 'r-1') =>
        patientMessage('p1', text, { identifier: [{ system: 'urn:reply', value }] });
      const first = await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('If-None-Exist', 'identifier=urn:reply|r-1')
        .send(withId('a'))
        .expect(201);
      const again = await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('If-None-Exist', 'identifier=urn:reply|r-1')
        .send(withId('b'))
        .expect(200);
      expect(again.body.id).toBe(first.body.id);
      const raced = await Promise.all(
        Array.from({ length: 20 }, () =>
          request(f.app)
            .post(`${FHIR}/Communication`)
            .set('If-None-Exist', 'identifier=urn:reply|r-2')
            .send(withId('c', 'r-2')),
        ),
      );
      expect(raced.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
      expect(f.store.list('Communication')).toHaveLength(2);

      f.store.put({ ...withId('dup'), id: 'dup-1', identifier: [{ system: 'urn:reply', value: 'r-3' }] });
      f.store.put({ ...withId('dup'), id: 'dup-2', identifier: [{ system: 'urn:reply', value: 'r-3' }] });
      await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('If-None-Exist', 'identifier=urn:reply|r-3')
        .send(withId('d'))
        .expect(412);
      await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('If-None-Exist', '_count=1')
        .send(withId('e'))
        .expect(400);
      await request(f.app)
        .post(`${FHIR}/Communication`)
        .set('If-None-Exist', 'bogus=1')
        .send(withId('e'))
        .expect(400);
    });
  });

  it('answers 507 when the store is full instead of running out of memory', async () => {
    const small = createFhirStore({ maxChars: 2_000 });
    const smallApp = createSandboxApp({ store: small });
    small.put({ resourceType: 'Patient', id: 'p1' });
    const message = (text: string) => ({ ...patientMessage('p1', text), recipient: undefined });
    await request(smallApp).post(`${FHIR}/Communication`).send(message('short')).expect(201);
    const full = await request(smallApp)
      .post(`${FHIR}/Communication`)
      .send(message('x'.repeat(3_000)))
      .expect(507);
    expect(full.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'too-costly' }] });
    const capped = createFhirStore({ maxResources: 1 });
    capped.put({ resourceType: 'Patient', id: 'only' });
    expect(() => capped.put({ resourceType: 'Patient', id: 'second' })).toThrow(/full/);
    expect(capped.put({ resourceType: 'Patient', id: 'only', gender: 'other' }).meta?.versionId).toBe('2');
  });
});
