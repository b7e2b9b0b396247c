/**
 * Typed client for the subset of the Graph API Sightline calls (whatsapp-cloud-api.md §6–§7).
 * Every failure is a GraphApiError with a stable reason and a `retryable` flag for the send job.
 */
import type { z } from 'zod';
import { AppError, invalidInput } from '../kernel/index.ts';
import { createUnexpectedResponseError, GraphApiError, isGraphApiError } from './graph-api-error.ts';
import {
  MediaInfoResponseSchema,
  SendResponseSchema,
  SuccessResponseSchema,
  TemplatePageSchema,
  UploadResponseSchema,
} from './graph-client.schemas.ts';
import { type FetchFn, type GraphTransport, requestGraphJson, requestGraphStream } from './graph-http.ts';
import { buildMessageBody } from './outbound.body.ts';
import { type OutboundPayload, validateOutboundPayload } from './outbound.schemas.ts';

export interface GraphClientConfig {
  /** Base URL without the version: `https://graph.facebook.com`, or the simulator on loopback. */
  graphUrl: string;
  /** `v25.0` */
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
  businessAccountId?: string | undefined;
  /** Per request; default 15 s. Uploads get at least 2 minutes; downloads apply it to headers only. */
  timeoutMs?: number | undefined;
}

export interface SendResult {
  wamid: string;
  waId: string | undefined;
  /** Pacing state for templates (`accepted`, `held_for_quality_assessment`, `paused`); usually absent. */
  messageStatus: string | undefined;
}

export interface MediaInfo {
  id: string | undefined;
  /** Valid for 5 minutes; fetch it with `downloadMedia`. */
  url: string;
  mimeType: string;
  sha256: string | undefined;
  fileSize: number | undefined;
}

export interface UploadMediaInput {
  data: Blob;
  mimeType: string;
  filename: string;
}

export interface TemplateComponentInfo {
  type: string;
  format: string | undefined;
  text: string | undefined;
  buttons: { type: string; text: string | undefined; url: string | undefined }[];
}

export interface TemplateInfo {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string | undefined;
  parameterFormat: string | undefined;
  components: TemplateComponentInfo[];
}

/** The Graph API as Sightline uses it; the simulator or a test double can stand in for it. */
export interface WhatsAppClient {
  /** Validates Meta's limits first (throws invalid_input), then sends; the wamid means accepted, not delivered. */
  sendMessage(payload: OutboundPayload): Promise<SendResult>;
  /** Marks an inbound message (and earlier ones) read; optionally shows the typing indicator (25 s). */
  markRead(wamid: string, options?: { showTyping?: boolean }): Promise<void>;
  getMediaInfo(mediaId: string): Promise<MediaInfo>;
  /** GET with the bearer token; the caller streams `body`. A 404 means the URL expired: get a new one. */
  downloadMedia(url: string): Promise<Response>;
  uploadMedia(input: UploadMediaInput): Promise<{ id: string }>;
  /** Every template of the WhatsApp Business Account, following `paging.next`. */
  listTemplates(): Promise<TemplateInfo[]>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const UPLOAD_TIMEOUT_MS = 120_000;
const MAX_TEMPLATE_PAGES = 20;
const TEMPLATE_FIELDS = 'id,name,language,status,category,parameter_format,components';

function parseHttpUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw invalidInput('whatsapp.invalid_media_url', 'The media URL must be an http(s) URL.', {});
  }
  return parsed;
}

function rethrowExpiredMediaUrl(error: unknown): never {
  if (isGraphApiError(error) && error.httpStatus === 404 && error.code === undefined) {
    throw new GraphApiError('Media URL expired or not found (HTTP 404)', {
      code: undefined,
      httpStatus: 404,
      retryable: true,
      reason: 'whatsapp.media_url_expired',
      userMessage: 'The media link expired; it will be fetched again.',
      details: error.details,
      fbtraceId: undefined,
      cause: error,
    });
  }
  throw error;
}

function isSameOrigin(url: string, origin: string): boolean {
  return URL.canParse(url) && new URL(url).origin === origin;
}

type TemplatePage = z.output<typeof TemplatePageSchema>;

function mapTemplate(template: TemplatePage['data'][number]): TemplateInfo {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    parameterFormat: template.parameter_format,
    components: (template.components ?? []).map((component) => ({
      type: component.type,
      format: component.format,
      text: component.text,
      buttons: (component.buttons ?? []).map((b) => ({ type: b.type, text: b.text, url: b.url })),
    })),
  };
}

export function createGraphClient(config: GraphClientConfig, deps: { fetch?: FetchFn } = {}): WhatsAppClient {
  const transport: GraphTransport = {
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    accessToken: config.accessToken,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const base = `${config.graphUrl.replace(/\/+$/, '')}/${config.apiVersion.replace(/^\/+|\/+$/g, '')}`;
  const endpoint = (...segments: string[]) => `${base}/${segments.map(encodeURIComponent).join('/')}`;
  const messagesUrl = endpoint(config.phoneNumberId, 'messages');

  async function listTemplates(): Promise<TemplateInfo[]> {
    if (config.businessAccountId === undefined || config.businessAccountId === '') {
      throw new AppError(
        'unprocessable',
        'whatsapp.business_account_missing',
        'Set WHATSAPP_BUSINESS_ACCOUNT_ID to list templates.',
      );
    }
    const origin = new URL(base).origin;
    const templates: TemplateInfo[] = [];
    const seen = new Set<string>();
    let url: string | undefined =
      `${endpoint(config.businessAccountId, 'message_templates')}?limit=100&fields=${TEMPLATE_FIELDS}`;
    // Follow paging.next only on the Graph origin: the bearer token must not leave it.
    while (
      url !== undefined &&
      isSameOrigin(url, origin) &&
      !seen.has(url) &&
      seen.size < MAX_TEMPLATE_PAGES
    ) {
      seen.add(url);
      const page: TemplatePage = await requestGraphJson(
        transport,
        { method: 'GET', url },
        TemplatePageSchema,
      );
      templates.push(...page.data.map(mapTemplate));
      url = page.paging?.next;
    }
    return templates;
  }

  return {
    async sendMessage(payload) {
      const body = buildMessageBody(validateOutboundPayload(payload));
      const answer = await requestGraphJson(
        transport,
        { method: 'POST', url: messagesUrl, json: body },
        SendResponseSchema,
      );
      const message = answer.messages[0];
      if (message === undefined) {
        throw createUnexpectedResponseError(200, 'no messages[0] in the send response');
      }
      return { wamid: message.id, waId: answer.contacts?.[0]?.wa_id, messageStatus: message.message_status };
    },
    async markRead(wamid, options = {}) {
      const json = {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: wamid,
        typing_indicator: options.showTyping === true ? { type: 'text' } : undefined,
      };
      await requestGraphJson(transport, { method: 'POST', url: messagesUrl, json }, SuccessResponseSchema);
    },
    async getMediaInfo(mediaId) {
      const info = await requestGraphJson(
        transport,
        { method: 'GET', url: endpoint(mediaId) },
        MediaInfoResponseSchema,
      );
      return {
        id: info.id,
        url: info.url,
        mimeType: info.mime_type,
        sha256: info.sha256,
        fileSize: info.file_size,
      };
    },
    async downloadMedia(url) {
      return requestGraphStream(transport, parseHttpUrl(url).href).catch(rethrowExpiredMediaUrl);
    },
    async uploadMedia({ data, mimeType, filename }) {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', mimeType);
      form.append('file', data.slice(0, data.size, mimeType), filename);
      const url = endpoint(config.phoneNumberId, 'media');
      const timeoutMs = Math.max(transport.timeoutMs, UPLOAD_TIMEOUT_MS);
      const answer = await requestGraphJson(
        transport,
        { method: 'POST', url, form, timeoutMs },
        UploadResponseSchema,
      );
      return { id: answer.id };
    },
    listTemplates,
  };
}
