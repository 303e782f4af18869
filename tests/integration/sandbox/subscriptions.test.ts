/**
 * The sandbox's FHIR R4 Subscriptions (rest-hook): validation, conditional create on the endpoint,
 * read and search, and notifications: the channel's headers, no body, only for matching resources,
 * lost on purpose with the dropNotifications fault switch.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startSeededSandbox, type RunningSandbox } from '../../../src/portal/sandbox';
import { patientMessage } from '../../../src/portal/sandbox/synthetic';
import { waitUntil } from '../../helpers/wait';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let sandbox: RunningSandbox;
let hook: Server;
let hookUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  sandbox = await startSeededSandbox({ seed: 1, patients: 2, messages: 0, port: 0 });
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

const subscription = (overrides: Record<string, unknown> = {}) => ({
  resourceType: 'Subscription',
  status: 'requested',
  reason: 'test',
  criteria: 'Communication',
  channel: { type: 'rest-hook', endpoint: hookUrl, header: ['Authorization: Bearer s3cret-value'] },
  ...overrides,
});

/** A patient's new message, from the first seeded patient. */
const communication = () => {
  const patientId = sandbox.context.store.list('Patient')[0]!.resource.id as string;
  return patientMessage(patientId, 'hello');
};

it('is advertised in the CapabilityStatement', async () => {
  const res = await request(sandbox.server).get('/fhir/R4/metadata').expect(200);
  const types = (res.body.rest[0].resource as { type: string }[]).map((r) => r.type);
  expect(types).toContain('Subscription');
});

it('refuses what it cannot honour: other channels, bad endpoints, criteria it cannot search', async () => {
  const post = (body: unknown) =>
    request(sandbox.server)
      .post('/fhir/R4/Subscription')
      .set('Content-Type', 'application/fhir+json')
      .send(JSON.stringify(body));
  await post(subscription({ channel: { type: 'websocket', endpoint: hookUrl } })).expect(400);
  await post(subscription({ channel: { type: 'rest-hook', endpoint: 'ftp://x.example/' } })).expect(400);
  await post(subscription({ criteria: 'Communication?nosuchparam=1' })).expect(400);
  await post(
    subscription({ channel: { type: 'rest-hook', endpoint: hookUrl, header: ['bad\r\nX: y'] } }),
  ).expect(400);
  await post({ resourceType: 'Subscription' }).expect(400);
  expect(sandbox.context.subscriptions.list).toHaveLength(0);
});

it('creates once per endpoint with If-None-Exist: url=, and serves read and search', async () => {
  const post = () =>
    request(sandbox.server)
      .post('/fhir/R4/Subscription')
      .set('Content-Type', 'application/fhir+json')
      .set('If-None-Exist', `url=${hookUrl}`)
      .send(JSON.stringify(subscription()));
  const first = await post().expect(201);
  expect(first.body.status).toBe('active');
  const again = await post().expect(200);
  expect(again.body.id).toBe(first.body.id);
  await request(sandbox.server).get(`/fhir/R4/Subscription/${first.body.id}`).expect(200);
  const found = await request(sandbox.server)
    .get('/fhir/R4/Subscription')
    .query({ url: hookUrl })
    .expect(200);
  expect(found.body.total).toBe(1);
  // The channel's secret is kept, never served back.
  expect(first.body.channel.header).toEqual(['Authorization: (hidden)']);
  expect(JSON.stringify(found.body)).not.toContain('s3cret-value');
});

it('notifies a matching new resource with the channel headers and no body', async () => {
  const before = received.length;
  await request(sandbox.server)
    .post('/fhir/R4/Communication')
    .set('Content-Type', 'application/fhir+json')
    .send(JSON.stringify(communication()))
    .expect(201);
  await waitUntil('the notification', () => received.length === before + 1, 5000);
  const note = received.at(-1)!;
  expect(note.headers.authorization).toBe('Bearer s3cret-value');
  expect(note.body).toBe('');
  expect(sandbox.context.subscriptions.list[0]!.delivered).toBe(1);
});

it('loses notifications when told to (the dropNotifications fault switch)', async () => {
  const before = received.length;
  sandbox.context.faults.settings = { ...sandbox.context.faults.settings, dropNotifications: true };
  try {
    await request(sandbox.server)
      .post('/fhir/R4/Communication')
      .set('Content-Type', 'application/fhir+json')
      .send(JSON.stringify(communication()))
      .expect(201);
  } finally {
    sandbox.context.faults.settings = { ...sandbox.context.faults.settings, dropNotifications: false };
  }
  await Promise.all([...sandbox.context.subscriptions.inFlight]);
  expect(received.length).toBe(before);
  expect(sandbox.context.subscriptions.list[0]!.failed).toBe(1);
});
