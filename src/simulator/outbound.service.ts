import type { Clock, Logger } from '../kernel/index.ts';
import type { CustomerState, CustomersRegistry } from './customers.registry.ts';
import {
  buildGraphError,
  buildStatusError,
  describeErrorCode,
  type GraphErrorReply,
} from './graph.errors.ts';
import { readAt, type SendRequest } from './graph.validation.ts';
import type { MediaStore } from './media.store.ts';
import { buildPricing, describeOutbound } from './outbound.preview.ts';
import { createWamid } from './simulator.ids.ts';
import type { Scheduler } from './simulator.scheduler.ts';
import type {
  MetaObject,
  OutboundMessage,
  OutboundStatus,
  TemplateDefinition,
  WebhookDelivery,
} from './simulator.types.ts';
import { checkTemplateSend } from './templates.rules.ts';
import { formatTimestamp } from './webhook.builders.ts';

type MessageRequest = Extract<SendRequest, { kind: 'message' }>;
export type SendOutcome = { ok: true; body: MetaObject } | { ok: false; error: GraphErrorReply };

const STATUS_RANK: Record<OutboundStatus, number> = {
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  played: 4,
  failed: 5,
};

export interface OutboundServiceDeps {
  clock: Clock;
  logger: Logger;
  scheduler: Scheduler;
  customers: CustomersRegistry;
  media: MediaStore;
  autoDeliver: boolean;
  statusDelayMs: number;
  findTemplate(name: string, language: string): TemplateDefinition | undefined;
  deliverStatuses(statuses: MetaObject[]): WebhookDelivery;
}

interface PlannedSend {
  record: OutboundMessage;
  pricing: MetaObject;
  failure?: { code: number; details?: string };
}

/** The business side of the fake Graph API: accepts sends, tracks them, emits Meta's status webhooks. */
export function createOutboundService(deps: OutboundServiceDeps) {
  const messages: OutboundMessage[] = [];
  const byWamid = new Map<string, { record: OutboundMessage; pricing: MetaObject }>();

  const emitStatus = (
    wamid: string,
    status: OutboundStatus,
    errorCode?: number,
  ): WebhookDelivery | undefined => {
    const entry = byWamid.get(wamid);
    if (!entry || status === 'accepted') {
      return undefined;
    }
    const { record, pricing } = entry;
    const customer = deps.customers.findCustomer(record.customerKey);
    const at = deps.clock.now();
    if (record.status !== 'failed' && STATUS_RANK[status] > STATUS_RANK[record.status]) {
      record.status = status;
    }
    record.history.push({ status, at });
    const errors = status === 'failed' ? [buildStatusError(errorCode ?? 131000)] : undefined;
    if (errors) {
      const { title, details } = describeErrorCode(errorCode ?? 131000);
      record.error = { code: errorCode ?? 131000, title, details };
    }
    return deps.deliverStatuses([
      {
        id: wamid,
        status,
        timestamp: formatTimestamp(at),
        ...(customer?.waId ? { recipient_id: customer.waId } : {}),
        ...(customer?.userId ? { recipient_user_id: customer.userId } : {}),
        ...(record.bizOpaqueCallbackData === undefined
          ? {}
          : { biz_opaque_callback_data: record.bizOpaqueCallbackData }),
        ...(status === 'sent' || status === 'delivered' ? { pricing } : {}),
        ...(errors ? { errors } : {}),
      },
    ]);
  };

  const runStatusPipeline = (planned: PlannedSend): void => {
    const { record, failure } = planned;
    deps.scheduler.runAfter(deps.statusDelayMs, async () => {
      if (failure) {
        emitStatus(record.wamid, 'failed', failure.code);
        return;
      }
      if (!deps.autoDeliver) {
        return;
      }
      const sent = emitStatus(record.wamid, 'sent');
      await sent?.firstAttempt;
      if (record.type === 'reaction') {
        return; // Meta only reports `sent` for reactions.
      }
      deps.scheduler.runAfter(deps.statusDelayMs, () => {
        // A message already read skips `delivered` ("implied"), as on Meta.
        if (record.status === 'sent') {
          emitStatus(record.wamid, 'delivered');
        }
      });
    });
  };

  const planTemplate = (
    request: MessageRequest,
  ): { preview: string; category: TemplateDefinition['category'] } | GraphErrorReply => {
    const name = String(readAt(request.content, ['name']));
    const language = String(readAt(request.content, ['language', 'code']));
    const template = deps.findTemplate(name, language);
    if (!template || (template.status ?? 'APPROVED') !== 'APPROVED') {
      return buildGraphError(132001, `template name (${name}) does not exist in ${language}`);
    }
    const components = readAt(request.content, ['components']);
    const check = checkTemplateSend(template, Array.isArray(components) ? (components as MetaObject[]) : []);
    return check.ok
      ? { preview: check.preview, category: template.category }
      : buildGraphError(check.code, check.details);
  };

  /** Why Meta would accept this send but fail it asynchronously, if it would. */
  const findAsyncFailure = (request: MessageRequest, customer: CustomerState, isWindowOpen: boolean) => {
    if (request.type !== 'template' && !isWindowOpen) {
      return { code: 131047 };
    }
    const mediaId = readAt(request.content, ['id']);
    if (typeof mediaId === 'string' && !deps.media.findMedia(mediaId)) {
      return { code: 131053, details: `Media id ${mediaId} was not found.` };
    }
    if (request.type === 'reaction') {
      const target = deps.customers.findInbound(String(readAt(request.content, ['message_id'])));
      if (!target || target.customer !== customer) {
        return { code: 131009, details: 'The reaction target message was not found.' };
      }
    }
    return undefined;
  };

  const acceptSend = (request: MessageRequest): SendOutcome => {
    const customer = deps.customers.resolveRecipient(request.to);
    if (!customer) {
      return {
        ok: false,
        error: buildGraphError(100, `Param to (${request.to}) is not a valid WhatsApp user.`),
      };
    }
    const template = request.type === 'template' ? planTemplate(request) : undefined;
    if (template && 'status' in template) {
      return { ok: false, error: template };
    }
    const isWindowOpen = deps.customers.isWindowOpen(customer);
    const mediaId = readAt(request.content, ['id']);
    const now = deps.clock.now();
    const record: OutboundMessage = {
      wamid: createWamid(customer.waId ?? customer.key, 'outbound'),
      customerKey: customer.key,
      type: request.type,
      request: { type: request.type, [request.type]: request.content },
      preview: template?.preview ?? describeOutbound(request.type, request.content),
      ...(typeof mediaId === 'string' ? { mediaId } : {}),
      isTemplate: request.type === 'template',
      isVoice: request.type === 'audio' && readAt(request.content, ['voice']) === true,
      ...(request.contextMessageId ? { replyTo: request.contextMessageId } : {}),
      ...(request.bizOpaqueCallbackData === undefined
        ? {}
        : { bizOpaqueCallbackData: request.bizOpaqueCallbackData }),
      status: 'accepted',
      history: [{ status: 'accepted', at: now }],
      createdAt: now,
    };
    const failure = findAsyncFailure(request, customer, isWindowOpen);
    const pricing = buildPricing({
      isWindowOpen,
      ...(template ? { templateCategory: template.category } : {}),
    });
    messages.push(record);
    byWamid.set(record.wamid, { record, pricing });
    runStatusPipeline({ record, pricing, ...(failure ? { failure } : {}) });
    deps.logger.debug({ wamid: record.wamid, type: record.type }, 'simulator accepted a send');
    return {
      ok: true,
      body: {
        messaging_product: 'whatsapp',
        contacts: [
          { input: request.to, ...(customer.waId ? { wa_id: customer.waId } : { user_id: customer.userId }) },
        ],
        messages: [{ id: record.wamid, ...(record.isTemplate ? { message_status: 'accepted' } : {}) }],
      },
    };
  };

  return {
    acceptSend,
    emitStatus,
    listOutbound: (customerKey?: string) =>
      customerKey === undefined ? [...messages] : messages.filter((m) => m.customerKey === customerKey),
    findOutbound: (wamid: string) => byWamid.get(wamid)?.record,
  };
}

export type OutboundService = ReturnType<typeof createOutboundService>;
