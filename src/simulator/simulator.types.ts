/**
 * Public types of the WhatsApp simulator. The simulator plays Meta: it speaks Meta's wire shapes
 * (snake_case JSON) on its HTTP edges and these camelCase types in its programmatic API.
 */
import type { Clock, Logger } from '../kernel/index.ts';

/** A JSON object as Meta would put it on the wire (already in Meta's snake_case). */
export type MetaObject = Record<string, unknown>;

export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';

/** A template component in the shape `GET /{waba}/message_templates` returns. */
export type TemplateComponent =
  | { type: 'HEADER'; format: 'TEXT'; text: string; example?: MetaObject }
  | { type: 'HEADER'; format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; example?: MetaObject }
  | { type: 'BODY'; text: string; example?: MetaObject }
  | { type: 'FOOTER'; text: string }
  | {
      type: 'BUTTONS';
      buttons: Array<
        | { type: 'QUICK_REPLY'; text: string }
        | { type: 'URL'; text: string; url: string; example?: string[] }
        | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
      >;
    };

export interface TemplateDefinition {
  name: string;
  /** Meta locale code: en_US, fr, es, it, ar… */
  language: string;
  category: TemplateCategory;
  /** POSITIONAL uses {{1}}, {{2}}; NAMED uses {{ticket_id}} and needs `parameter_name` on send. */
  parameterFormat?: 'POSITIONAL' | 'NAMED';
  status?: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  components: TemplateComponent[];
  /** Stable id; generated when absent. */
  id?: string;
}

export interface SimulatorOptions {
  /** The helpdesk's `POST /webhooks/whatsapp` URL. */
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  /** Digits only, no `+` (as Meta sends it). */
  displayPhoneNumber: string;
  wabaId: string;
  apiVersion: string;
  clock?: Clock;
  /** Delays between redeliveries when the helpdesk does not answer 200. */
  retryDelaysMs?: number[];
  /** A webhook POST not answered within this time counts as failed (default 10 s). */
  webhookTimeoutMs?: number;
  /** Emit `sent` then `delivered` status webhooks after each accepted send (default true). */
  autoDeliver?: boolean;
  /** Delay before each automatic status webhook (default 50 ms). */
  statusDelayMs?: number;
  templates?: TemplateDefinition[];
  /**
   * Public base URL of the simulator's Graph plugin (`http://host:port/simulator/graph`). When set,
   * inbound media webhooks carry a direct `url` (Meta's post-Nov-2025 form); otherwise only the id.
   */
  publicGraphUrl?: string;
  logger?: Logger;
}

export type SignatureMode = 'valid' | 'invalid' | 'missing';

export interface DeliveryAttempt {
  attempt: number;
  /** Clock time when the attempt started. */
  at: number;
  /** HTTP status, or null when the connection failed or timed out. */
  status: number | null;
  error?: string;
  durationMs: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryResult {
  deliveryId: string;
  /** True once the helpdesk answered 200. */
  ok: boolean;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
}

/** One webhook POST (with all its redeliveries) the simulator made to the helpdesk. */
export interface WebhookDelivery {
  id: string;
  kind: 'messages' | 'statuses' | 'raw';
  /** The exact bytes posted. */
  body: string;
  /** The `X-Hub-Signature-256` header value, or null when deliberately missing. */
  signature: string | null;
  createdAt: number;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Resolves when the helpdesk answered 200 or the retry schedule is exhausted; never rejects. */
  done: Promise<DeliveryResult>;
  /** Resolves after the first attempt (whatever its outcome). */
  firstAttempt: Promise<DeliveryAttempt>;
}

export interface DeliveryStats {
  total: number;
  pending: number;
  delivered: number;
  failed: number;
  cancelled: number;
  attempts: number;
}

export interface CustomerIdentity {
  waId?: string;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  userId?: string;
  name?: string;
  username?: string;
}

/** An inbound message built but not yet delivered; `sendBatch` packs several into one webhook. */
export interface InboundDraft {
  wamid: string;
  customerKey: string;
  /** The `value.contacts[]` element for the sender. */
  contact: MetaObject;
  /** The `value.messages[]` element. */
  message: MetaObject;
}

export interface SentInbound {
  wamid: string;
  delivery: Promise<DeliveryResult>;
  deliveryId: string;
}

export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface OutboundError {
  code: number;
  title: string;
  details: string;
}

/** A message the helpdesk sent through the fake Graph API, as the customer's phone sees it. */
export interface OutboundMessage {
  wamid: string;
  customerKey: string;
  type: string;
  /** The Graph request body exactly as received. */
  request: MetaObject;
  /** A human-readable rendering (text body, rendered template, caption, interactive body). */
  preview: string;
  /** Media id when the message carries uploaded media. */
  mediaId?: string;
  isTemplate: boolean;
  isVoice: boolean;
  /** The customer message this one quotes (`context.message_id`). */
  replyTo?: string;
  bizOpaqueCallbackData?: string;
  status: OutboundStatus;
  history: Array<{ status: OutboundStatus; at: number }>;
  error?: OutboundError;
  createdAt: number;
}

/** A message the customer sent, as the simulator remembers it. */
export interface InboundRecord {
  wamid: string;
  type: string;
  at: number;
  readByBusiness: boolean;
  /** The `messages[]` element as delivered (media as id, MIME type, caption; never the bytes). */
  message: MetaObject;
}

export interface CustomerSummary {
  key: string;
  waId?: string;
  userId?: string;
  name?: string;
  username?: string;
  lastInboundAt?: number;
  isWindowOpen: boolean;
  windowExpiresAt?: number;
}

export type FaultRoute = 'messages' | 'media' | 'media-download' | 'templates';

export interface FaultSpec {
  route: FaultRoute;
  /** HTTP status of the error answer; omit with `delayMs` to only hang and then answer normally. */
  status?: number;
  /** Meta error code (default picked from the status: 500→131000, 429→130429, 401→190…). */
  code?: number;
  /** How many matching calls the fault applies to (default 1). */
  times?: number;
  /** Hang this long before answering (for client timeout tests). */
  delayMs?: number;
}
