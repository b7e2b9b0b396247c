import { request } from 'undici';
import type { Clock, Logger } from '../kernel/index.ts';
import { newId } from '../kernel/index.ts';
import type { Scheduler } from './simulator.scheduler.ts';
import type {
  DeliveryAttempt,
  DeliveryResult,
  DeliveryStats,
  SignatureMode,
  WebhookDelivery,
} from './simulator.types.ts';
import { signWebhookBody } from './webhook.serializer.ts';

export interface WebhookDelivererOptions {
  webhookUrl: string;
  appSecret: string;
  retryDelaysMs: number[];
  timeoutMs: number;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
}

export interface DeliverOptions {
  kind: WebhookDelivery['kind'];
  signature?: SignatureMode;
  /** Overrides the default schedule (`[]` = a single attempt). */
  retryDelaysMs?: number[];
}

export interface WebhookDeliverer {
  deliver(body: string, options: DeliverOptions): WebhookDelivery;
  /** Posts the exact bytes and signature of an earlier delivery again, as a new delivery. */
  redeliver(deliveryId: string): WebhookDelivery;
  list(): WebhookDelivery[];
  summarize(): DeliveryStats;
  /** Settles every delivery still waiting for a redelivery as `cancelled` (on shutdown). */
  cancelPending(): void;
  /** Points later attempts at another URL (the helpdesk's port is known only after listen). */
  setWebhookUrl(url: string): void;
}

function computeSignature(appSecret: string, body: string, mode: SignatureMode): string | null {
  if (mode === 'missing') {
    return null;
  }
  const secret = mode === 'valid' ? appSecret : `${appSecret}-not-the-app-secret`;
  return signWebhookBody(secret, body);
}

/** Posts signed webhooks to the helpdesk and redelivers on Meta's schedule until it answers 200. */
export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  let webhookUrl = options.webhookUrl;
  const deliveries: WebhookDelivery[] = [];
  const byId = new Map<string, WebhookDelivery>();
  const cancellers = new Map<string, () => void>();

  const postOnce = async (delivery: WebhookDelivery, attempt: number): Promise<DeliveryAttempt> => {
    const at = options.clock.now();
    const started = performance.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
    };
    if (delivery.signature !== null) {
      headers['x-hub-signature-256'] = delivery.signature;
    }
    try {
      const response = await request(webhookUrl, {
        method: 'POST',
        headers,
        body: Buffer.from(delivery.body, 'utf8'),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      await response.body.dump();
      return { attempt, at, status: response.statusCode, durationMs: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { attempt, at, status: null, error: message, durationMs: performance.now() - started };
    }
  };

  const runDelivery = (
    delivery: WebhookDelivery,
    schedule: number[],
    settle: (result: DeliveryResult) => void,
    markFirst: (attempt: DeliveryAttempt) => void,
  ): void => {
    const finish = (state: WebhookDelivery['state']): void => {
      if (delivery.state !== 'pending') {
        return;
      }
      cancellers.delete(delivery.id);
      delivery.state = state;
      settle({ deliveryId: delivery.id, ok: state === 'delivered', state, attempts: [...delivery.attempts] });
    };
    const attemptNumber = (n: number): Promise<void> =>
      options.scheduler.track(
        postOnce(delivery, n).then((result) => {
          delivery.attempts.push(result);
          markFirst(result);
          if (result.status === 200) {
            finish('delivered');
            return;
          }
          options.logger.debug(
            { deliveryId: delivery.id, attempt: result },
            'simulator webhook not acknowledged',
          );
          const delay = schedule[n - 1];
          if (delay === undefined) {
            finish('failed');
            return;
          }
          if (!options.scheduler.runAfter(delay, () => attemptNumber(n + 1))) {
            finish('cancelled');
          }
        }),
      );
    cancellers.set(delivery.id, () => finish('cancelled'));
    if (options.scheduler.isClosed) {
      markFirst({
        attempt: 0,
        at: options.clock.now(),
        status: null,
        error: 'simulator closed',
        durationMs: 0,
      });
      finish('cancelled');
      return;
    }
    void attemptNumber(1);
  };

  const start = (
    body: string,
    signature: string | null,
    kind: WebhookDelivery['kind'],
    schedule: number[],
  ) => {
    let settle: (result: DeliveryResult) => void = () => undefined;
    let markFirst: (attempt: DeliveryAttempt) => void = () => undefined;
    const delivery: WebhookDelivery = {
      id: newId(),
      kind,
      body,
      signature,
      createdAt: options.clock.now(),
      state: 'pending',
      attempts: [],
      done: new Promise<DeliveryResult>((resolve) => {
        settle = resolve;
      }),
      firstAttempt: new Promise<DeliveryAttempt>((resolve) => {
        markFirst = resolve;
      }),
    };
    deliveries.push(delivery);
    byId.set(delivery.id, delivery);
    runDelivery(delivery, schedule, settle, markFirst);
    return delivery;
  };

  return {
    deliver: (body, deliverOptions) =>
      start(
        body,
        computeSignature(options.appSecret, body, deliverOptions.signature ?? 'valid'),
        deliverOptions.kind,
        deliverOptions.retryDelaysMs ?? options.retryDelaysMs,
      ),
    redeliver: (deliveryId) => {
      const original = byId.get(deliveryId);
      if (!original) {
        throw new Error(`No webhook delivery with id ${deliveryId}`);
      }
      return start(original.body, original.signature, original.kind, options.retryDelaysMs);
    },
    list: () => [...deliveries],
    summarize: () => {
      const count = (state: WebhookDelivery['state']) => deliveries.filter((d) => d.state === state).length;
      return {
        total: deliveries.length,
        pending: count('pending'),
        delivered: count('delivered'),
        failed: count('failed'),
        cancelled: count('cancelled'),
        attempts: deliveries.reduce((sum, d) => sum + d.attempts.length, 0),
      };
    },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    cancelPending: () => {
      for (const cancel of [...cancellers.values()]) {
        cancel();
      }
    },
  };
}
