/**
 * Baseline: the least a webhook endpoint can do — read the raw body, verify the signature, parse the
 * JSON, answer 200. Run as its own process, like the real server.
 */
import Fastify from 'fastify';
import { verifySignature } from '../../src/whatsapp/index.ts';
import { BENCH_SECRET } from './payloads.ts';

const app = Fastify({ bodyLimit: 3 * 1024 * 1024 });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.post('/webhooks/whatsapp', async (request, reply) => {
  const raw = request.body as Buffer;
  if (!verifySignature(raw, request.headers['x-hub-signature-256'] as string | undefined, BENCH_SECRET)) {
    return reply.status(401).send();
  }
  JSON.parse(raw.toString('utf8'));
  return reply.type('text/plain').send('OK');
});
const address = await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
