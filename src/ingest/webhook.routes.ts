import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Metrics } from '../http/metrics.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { AppError, invalidInput } from '../kernel/index.ts';
import { parseWebhook, verifyChallenge, verifySignature } from '../whatsapp/index.ts';
import type { WebhookService } from './webhook.service.ts';

/** Meta documents webhook payloads of up to 3 MB; anything larger is refused with 413. */
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

export interface WebhookRouteDeps {
  appSecret: string;
  verifyToken: string;
  service: WebhookService;
  metrics: Metrics;
  /** Bad signatures per address: past the limit, requests are refused (429) before verification. */
  badSignatures: RateLimiter;
}

/**
 * The WhatsApp webhook. The signature is checked on the exact bytes Meta sent, before any parsing;
 * 200 goes back only once the events are committed, so a crash before that makes Meta redeliver.
 */
export async function webhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.get('/webhooks/whatsapp', async (request, reply) => {
    const params = new URL(request.url, 'http://localhost').searchParams;
    const challenge = verifyChallenge(
      {
        mode: params.get('hub.mode') ?? undefined,
        token: params.get('hub.verify_token') ?? undefined,
        challenge: params.get('hub.challenge') ?? undefined,
      },
      deps.verifyToken,
    );
    if (challenge === null) {
      throw new AppError(
        'forbidden',
        'webhook.verification_failed',
        'hub.verify_token does not match, or hub.mode/hub.challenge is missing.',
      );
    }
    return reply.type('text/plain').send(challenge);
  });

  app.post('/webhooks/whatsapp', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
    // An address that keeps sending bad signatures is refused before any more HMAC work.
    if (deps.badSignatures.isLimited(request.ip)) {
      deps.badSignatures.hit(request.ip);
    }
    const stopTimer = deps.metrics.webhookDuration.startTimer();
    const outcome = await handlePost(request, deps).catch((error: unknown) => {
      deps.metrics.webhookRequests.inc({ outcome: outcomeOf(error) });
      throw error;
    });
    deps.metrics.webhookRequests.inc({ outcome });
    stopTimer();
    return reply.type('text/plain').send('OK');
  });
}

async function handlePost(request: FastifyRequest, deps: WebhookRouteDeps): Promise<'accepted' | 'ignored'> {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const header = request.headers['x-hub-signature-256'];
  if (!verifySignature(raw, typeof header === 'string' ? header : undefined, deps.appSecret)) {
    deps.badSignatures.hit(request.ip);
    throw new AppError(
      'unauthenticated',
      'webhook.bad_signature',
      'X-Hub-Signature-256 is missing or does not match the body.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidInput('webhook.invalid_json', 'The webhook body is not valid JSON.');
  }
  const parsed = parseWebhook(json);
  if (parsed.kind === 'ignored') {
    request.log.debug({ reason: parsed.reason }, 'webhook ignored');
    return 'ignored';
  }
  const outcome = await deps.service.ingest(parsed);
  deps.metrics.messagesIngested.inc(outcome.messagesStored);
  return 'accepted';
}

function outcomeOf(error: unknown): string {
  if (error instanceof AppError) {
    return error.kind === 'unauthenticated'
      ? 'bad_signature'
      : error.kind === 'invalid_input'
        ? 'invalid'
        : 'error';
  }
  return 'error';
}
