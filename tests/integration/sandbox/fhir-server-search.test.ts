import request from 'supertest';
import { createSandboxFixture, FHIR, patientMessage, type SandboxFixture } from './sandbox-fixture';

describe('sandbox FHIR server: search', () => {
  let f: SandboxFixture;
  beforeEach(() => {
    f = createSandboxFixture();
  });

  describe('search', () => {
    beforeEach(() => {
      for (let i = 0; i < 7; i++)
        f.store.put({ ...patientMessage(i % 2 ? 'p2' : 'p1', `m${i}`), id: `c${i}` });
      f.store.put({
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { text: 'A1c' },
        subject: { reference: 'Patient/p1' },
      });
      f.store.put({ resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/p2' } });
      f.store.put({
        resourceType: 'Appointment',
        id: 'ap1',
        status: 'booked',
        participant: [{ actor: { reference: 'Patient/p1' } }],
      });
    });

    const ids = (body: { entry?: { resource: { id: string } }[] }) =>
      (body.entry ?? []).map((e) => e.resource.id);

    it('filters by patient in every reference form, and by sender, recipient and subject', async () => {
      for (const patient of ['p1', 'Patient/p1', 'http://elsewhere/fhir/R4/Patient/p1']) {
        const res = await request(f.app).get(`${FHIR}/Communication`).query({ patient }).expect(200);
        expect(ids(res.body)).toEqual(['c0', 'c2', 'c4', 'c6']);
        expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 4 });
      }
      expect(
        ids((await request(f.app).get(`${FHIR}/Communication`).query({ sender: 'Patient/p2' })).body),
      ).toEqual(['c1', 'c3', 'c5']);
      expect(
        ids(
          (
            await request(f.app)
              .get(`${FHIR}/Communication`)
              .query({ subject: 'Patient/p2,Patient/p1', _count: 2 })
          ).body,
        ),
      ).toEqual(['c0', 'c1']);
      expect(
        (await request(f.app).get(`${FHIR}/Communication`).query({ recipient: 'Organization/clinic' })).body
          .total,
      ).toBe(7);
      expect(ids((await request(f.app).get(`${FHIR}/Observation`).query({ patient: 'p1' })).body)).toEqual([
        'o1',
      ]);
      expect(
        ids((await request(f.app).get(`${FHIR}/AllergyIntolerance`).query({ patient: 'p2' })).body),
      ).toEqual(['a1']);
      expect(ids((await request(f.app).get(`${FHIR}/Appointment`).query({ patient: 'p1' })).body)).toEqual([
        'ap1',
      ]);
      expect(
        ids((await request(f.app).get(`${FHIR}/Communication`).query({ patient: 'Practitioner/p1' })).body),
      ).toEqual([]);
    });

    it('filters by _lastUpdated ranges and sorts both ways', async () => {
      const all = (await request(f.app).get(`${FHIR}/Communication`)).body.entry.map(
        (e: { resource: { meta: { lastUpdated: string } } }) => e.resource.meta.lastUpdated,
      );
      const gt = await request(f.app)
        .get(`${FHIR}/Communication`)
        .query({ _lastUpdated: `gt${all[2]}` });
      expect(ids(gt.body)).toEqual(['c3', 'c4', 'c5', 'c6']);
      const window = await request(f.app).get(
        `${FHIR}/Communication?_lastUpdated=ge${encodeURIComponent(all[1])}&_lastUpdated=lt${encodeURIComponent(all[3])}`,
      );
      expect(ids(window.body)).toEqual(['c1', 'c2']);
      const le = await request(f.app)
        .get(`${FHIR}/Communication`)
        .query({ _lastUpdated: `le${all[0]}` });
      expect(ids(le.body)).toEqual(['c0']);
      const year = new Date().getUTCFullYear();
      expect(
        (
          await request(f.app)
            .get(`${FHIR}/Communication`)
            .query({ _lastUpdated: `${year}` })
        ).body.total,
      ).toBe(7);
      expect(
        (
          await request(f.app)
            .get(`${FHIR}/Communication`)
            .query({ _lastUpdated: `lt${year}-01` })
        ).body.total,
      ).toBe(0);
      const desc = await request(f.app)
        .get(`${FHIR}/Communication`)
        .query({ _sort: '-_lastUpdated', _count: 3 });
      expect(ids(desc.body)).toEqual(['c6', 'c5', 'c4']);
    });

    it('pages with next links that stay stable while resources are added', async () => {
      const seen: string[] = [];
      let url: string | undefined = `${FHIR}/Communication?_count=3`;
      let added = 0;
      while (url) {
        const res: request.Response = await request(f.app)
          .get(url.replace(/^https?:\/\/[^/]+/, ''))
          .expect(200);
        seen.push(...ids(res.body));
        if (added < 2) f.store.put({ ...patientMessage('p1', 'late'), id: `late${added++}` });
        url = res.body.link.find((l: { relation: string }) => l.relation === 'next')?.url;
      }
      expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'late0', 'late1']);

      const desc: string[] = [];
      url = `${FHIR}/Communication?_count=4&_sort=-_lastUpdated&patient=p1`;
      while (url) {
        const res: request.Response = await request(f.app)
          .get(url.replace(/^https?:\/\/[^/]+/, ''))
          .expect(200);
        desc.push(...ids(res.body));
        f.store.put({ ...patientMessage('p1', 'newer'), id: `newer${desc.length}` });
        url = res.body.link.find((l: { relation: string }) => l.relation === 'next')?.url;
      }
      expect(desc).toEqual(['late1', 'late0', 'c6', 'c4', 'c2', 'c0']);
    });

    it('counts without entries for _count=0 and accepts POST _search', async () => {
      const res = await request(f.app).get(`${FHIR}/Communication`).query({ _count: 0 });
      expect(res.body).toMatchObject({ total: 7 });
      expect(res.body.entry).toEqual([]);
      expect(res.body.link.some((l: { relation: string }) => l.relation === 'next')).toBe(false);
      const post = await request(f.app)
        .post(`${FHIR}/Communication/_search`)
        .type('form')
        .send({ patient: 'p2' })
        .expect(200);
      expect(ids(post.body)).toEqual(['c1', 'c3', 'c5']);
    });

    it.each([
      ['an unknown parameter', { colour: 'red' }],
      ['a modifier', { 'patient:missing': 'true' }],
      ['a negative _count', { _count: '-1' }],
      ['a fractional _count', { _count: '2.5' }],
      ['an unsupported _sort', { _sort: 'date' }],
      ['a malformed date', { _lastUpdated: 'ge2026-13-45' }],
      ['a bad page position', { _after: 'AAAA' }],
      ['an empty reference list', { patient: ',' }],
      ['a non-reference patient', { patient: 'a b c' }],
    ])('answers %s with a 400 OperationOutcome', async (_name, query) => {
      const res = await request(f.app).get(`${FHIR}/Communication`).query(query).expect(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
    });

    it('refuses a search with a flood of parameters', async () => {
      const qs = Array.from({ length: 60 }, (_, i) => `patient=p${i}`).join('&');
      await request(f.app).get(`${FHIR}/Communication?${qs}`).expect(400);
    });
  });
});
