/**
 * Child process of tls.test.ts: connects with the product's own createRedisConnection to the URL it
 * is given (Node's trust store: NODE_EXTRA_CA_CERTS adds the test CA, as an operator would) and
 * prints PONG, or ERROR and the error's code.
 */
import { createRedisConnection } from '../../../src/queue';

const redis = createRedisConnection(process.argv[2], { connectionName: 'tls-probe' });
redis.on('error', (err: Error & { code?: string }) => {
  process.stdout.write(`ERROR ${err.code ?? err.message}\n`);
  process.exit(3);
});
redis.ping().then(
  (answer) => {
    process.stdout.write(`${answer}\n`);
    redis.disconnect();
    process.exit(0);
  },
  (err: Error) => {
    process.stdout.write(`ERROR ${err.message}\n`);
    process.exit(3);
  },
);
