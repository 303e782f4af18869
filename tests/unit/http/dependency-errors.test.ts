/**
 * Which errors mean "a service is down" (503 naming it) rather than a bug (500): the shapes ioredis
 * and pg really produce, and look-alikes that must stay 500s.
 */
import { isDatabaseUnavailableError } from '../../../src/db/unavailable';
import { isRedisUnavailableError } from '../../../src/queue';

const netError = (code: string, syscall = 'connect') =>
  Object.assign(new Error(`${syscall} ${code} 127.0.0.1:5432`), { code, syscall, errno: -111 });

describe('isRedisUnavailableError', () => {
  it.each([
    ['a command Redis did not answer in time', new Error('Command timed out')],
    [
      'a command while disconnected',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    ],
    ['a closed connection', new Error('Connection is closed.')],
    [
      'retries used up',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
  ])('knows %s', (_what, err) => expect(isRedisUnavailableError(err)).toBe(true));

  it.each([
    ['a wrong command', new Error('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a script error', new Error('ERR Error running script')],
    ['anything else', new Error('something broke')],
    ['not an error', 'Command timed out'],
    ['nothing', undefined],
  ])('leaves %s alone', (_what, err) => expect(isRedisUnavailableError(err)).toBe(false));
});

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['a refused connection', netError('ECONNREFUSED')],
    ['a reset connection', netError('ECONNRESET', 'read')],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'an administrator shutdown (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'a server starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['a connection failure (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
  ])('knows %s', (_what, err) => expect(isDatabaseUnavailableError(err)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    [
      'a statement timeout (57014), which is the query, not the server',
      Object.assign(new Error('canceling'), { code: '57014' }),
    ],
    ['a refusal code without a socket behind it', Object.assign(new Error('x'), { code: 'ECONNREFUSED' })],
    ['nothing', null],
  ])('leaves %s alone', (_what, err) => expect(isDatabaseUnavailableError(err)).toBe(false));
});
