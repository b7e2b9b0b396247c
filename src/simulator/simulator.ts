import { randomInt } from 'node:crypto';
import { silentLogger, systemClock } from '../kernel/index.ts';
import { type CustomerHandle, type CustomerHandleDeps, createCustomerHandle } from './customer.handle.ts';
import { type CustomerState, createCustomersRegistry } from './customers.registry.ts';
import { buildGraphError } from './graph.errors.ts';
import { createFaultQueue } from './graph.faults.ts';
import { validateSendRequest } from './graph.validation.ts';
import { opensServiceWindow } from './inbound.composer.ts';
import { createMediaStore } from './media.store.ts';
import { createOutboundService, type SendOutcome } from './outbound.service.ts';
import { createNumericId } from './simulator.ids.ts';
import { createScheduler } from './simulator.scheduler.ts';
import type {
  CustomerIdentity,
  InboundDraft,
  MetaObject,
  OutboundStatus,
  SignatureMode,
  SimulatorOptions,
  TemplateDefinition,
  WebhookDelivery,
} from './simulator.types.ts';
import { buildDefaultTemplates } from './templates.defaults.ts';
import { buildMessagesEnvelope, buildStatusEnvelope } from './webhook.builders.ts';
import { createWebhookDeliverer } from './webhook.deliverer.ts';
import { serializeLikeMeta } from './webhook.serializer.ts';

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

export type TemplateRecord = TemplateDefinition & { id: string };

export interface DeliverRawOptions {
  signature?: SignatureMode;
  /** Redelivery schedule for this body; by default a raw body is posted once. */
  retryDelaysMs?: number[];
}

/** Plays Meta for the helpdesk: signed webhooks out, a fake Graph API in (see graph-api.routes.ts). */
export function createSimulator(options: SimulatorOptions) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const scheduler = createScheduler((error) =>
    logger.error({ err: error }, 'simulator background task failed'),
  );
  const deliverer = createWebhookDeliverer({
    webhookUrl: options.webhookUrl,
    appSecret: options.appSecret,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    clock,
    scheduler,
    logger,
  });
  const media = createMediaStore(clock);
  const customers = createCustomersRegistry(clock);
  const faults = createFaultQueue();
  const templates: TemplateRecord[] = (options.templates ?? buildDefaultTemplates()).map((template) => ({
    ...template,
    id: template.id ?? createNumericId(),
  }));
  const business = {
    wabaId: options.wabaId,
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber,
  };
  const deliverBody = (body: MetaObject, kind: WebhookDelivery['kind']) =>
    deliverer.deliver(serializeLikeMeta(body), { kind });

  const outbound = createOutboundService({
    clock,
    logger,
    scheduler,
    customers,
    media,
    autoDeliver: options.autoDeliver ?? true,
    statusDelayMs: options.statusDelayMs ?? 50,
    findTemplate: (name, language) => templates.find((t) => t.name === name && t.language === language),
    deliverStatuses: (statuses) => deliverBody(buildStatusEnvelope(business, statuses), 'statuses'),
  });

  const sendDrafts = (groups: InboundDraft[][]) => {
    for (const draft of groups.flat()) {
      const customer = customers.findCustomer(draft.customerKey);
      const type = String(draft.message.type);
      if (customer) {
        const record = {
          wamid: draft.wamid,
          type,
          at: clock.now(),
          readByBusiness: false,
          message: draft.message,
        };
        customers.recordInbound(customer, record, opensServiceWindow(type));
      }
      logger.debug({ wamid: draft.wamid, type }, 'simulator customer message');
    }
    const delivery = deliverBody(buildMessagesEnvelope(business, groups), 'messages');
    return groups
      .flat()
      .map((draft) => ({ wamid: draft.wamid, deliveryId: delivery.id, delivery: delivery.done }));
  };

  const handles = new Map<CustomerState, CustomerHandle>();
  const handleDeps: CustomerHandleDeps = { clock, media, business, customers, outbound, sendDrafts };
  const setPublicGraphUrl = (url: string | undefined): void => {
    if (url === undefined) {
      delete handleDeps.publicGraphUrl;
    } else {
      handleDeps.publicGraphUrl = url.replace(/\/+$/, '');
    }
  };
  setPublicGraphUrl(options.publicGraphUrl);
  const getHandle = (state: CustomerState): CustomerHandle => {
    const existing = handles.get(state);
    if (existing) {
      return existing;
    }
    const handle = createCustomerHandle(handleDeps, state);
    handles.set(state, handle);
    return handle;
  };

  /** Business read receipt: marks the message and every earlier one from that customer read. */
  const markInboundRead = (messageId: string): SendOutcome => {
    const found = customers.findInbound(messageId);
    if (!found) {
      return { ok: false, error: buildGraphError(131009, `Message ${messageId} was not found.`) };
    }
    for (const record of found.customer.inbound) {
      if (record.at <= found.record.at) {
        record.readByBusiness = true;
      }
    }
    return { ok: true, body: { success: true } };
  };

  /** Stops timers and settles pending deliveries as `cancelled`; the simulator is then inert. */
  const close = (): void => {
    scheduler.close();
    deliverer.cancelPending();
  };

  return {
    config: {
      accessToken: options.accessToken,
      phoneNumberId: options.phoneNumberId,
      wabaId: options.wabaId,
      apiVersion: options.apiVersion,
      displayPhoneNumber: options.displayPhoneNumber,
    },
    /** A customer's phone; the same identity (wa_id or BSUID) always gives the same handle. */
    customer: (identity: CustomerIdentity = {}): CustomerHandle => {
      const hasId = identity.waId !== undefined || identity.userId !== undefined;
      const waId = hasId ? identity.waId : `1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
      return getHandle(customers.upsertCustomer({ ...identity, ...(waId === undefined ? {} : { waId }) }));
    },
    findCustomer: (id: string): CustomerHandle | undefined => {
      const state = customers.findCustomer(id);
      return state ? getHandle(state) : undefined;
    },
    listCustomers: () => customers.list().map((state) => customers.summarize(state)),
    /** One webhook with messages from several customers; pass arrays of arrays for several entries. */
    sendBatch: (drafts: InboundDraft[] | InboundDraft[][]) => {
      const groups = drafts.every((item) => Array.isArray(item))
        ? (drafts as InboundDraft[][])
        : [drafts as InboundDraft[]];
      return sendDrafts(groups);
    },
    /** Posts any body (objects are serialised like Meta) with a valid, invalid or missing signature. */
    deliverRaw: (body: string | MetaObject, rawOptions: DeliverRawOptions = {}): WebhookDelivery =>
      deliverer.deliver(typeof body === 'string' ? body : serializeLikeMeta(body), {
        kind: 'raw',
        signature: rawOptions.signature ?? 'valid',
        retryDelaysMs: rawOptions.retryDelaysMs ?? [],
      }),
    /** Posts an earlier webhook's exact bytes again (Meta's duplicates). */
    redeliver: (deliveryId: string): WebhookDelivery => deliverer.redeliver(deliveryId),
    deliveries: (): WebhookDelivery[] => deliverer.list(),
    stats: () => deliverer.summarize(),
    /** Every message the helpdesk sent through the fake Graph API. */
    outbound: () => outbound.listOutbound(),
    /** Emits a status webhook by hand (any order, for out-of-order tests); throws for an unknown wamid. */
    sendStatus: (
      wamid: string,
      status: Exclude<OutboundStatus, 'accepted'>,
      errorCode?: number,
    ): WebhookDelivery => {
      const delivery = outbound.emitStatus(wamid, status, errorCode);
      if (!delivery) {
        throw new Error(`The simulator never accepted a message ${wamid}`);
      }
      return delivery;
    },
    /** Points the simulator at the helpdesk and at its own public Graph URL once the port is known. */
    setEndpoints: (endpoints: { webhookUrl?: string; publicGraphUrl?: string }): void => {
      if (endpoints.webhookUrl !== undefined) {
        deliverer.setWebhookUrl(endpoints.webhookUrl);
      }
      if (endpoints.publicGraphUrl !== undefined) {
        setPublicGraphUrl(endpoints.publicGraphUrl);
      }
    },
    injectFault: faults.injectFault,
    clearFaults: faults.clearFaults,
    /** Resolves once no webhook, redelivery or status is pending. */
    waitForIdle: () => scheduler.waitForIdle(),
    close,
    /** Same as `close`, for shutdown hooks that await. */
    stop: async (): Promise<void> => close(),
    /** What the Fastify plugins use; not for tests. */
    graph: {
      media,
      takeFault: faults.takeFault,
      sleep: (ms: number) => scheduler.sleep(ms),
      listTemplates: (): TemplateRecord[] => [...templates],
      send: (body: unknown): SendOutcome => {
        const validation = validateSendRequest(body);
        if (!validation.ok) {
          return { ok: false, error: buildGraphError(validation.code, validation.details) };
        }
        const { request } = validation;
        return request.kind === 'read' ? markInboundRead(request.messageId) : outbound.acceptSend(request);
      },
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
