/**
 * Sightline's typed model of what the WhatsApp Cloud API sends and answers. The webhook parser turns
 * Meta's payloads into these; nothing past the parser sees Meta's raw shapes (except `raw`, kept verbatim).
 * All timestamps are epoch milliseconds.
 */

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface WhatsAppErrorDetail {
  code: number;
  title: string | undefined;
  message: string | undefined;
  details: string | undefined;
}

export interface SharedContactCard {
  formattedName: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  phones: { phone: string | undefined; waId: string | undefined; type: string | undefined }[];
  emails: { email: string | undefined; type: string | undefined }[];
  organization: string | undefined;
  /** The card exactly as Meta sent it (addresses, urls, birthday…). */
  raw: unknown;
}

/** What an inbound message carries, one variant per kind of content. */
export type MessageContent =
  | { kind: 'text'; body: string }
  | {
      kind: 'media';
      mediaKind: MediaKind;
      mediaId: string;
      mimeType: string | undefined;
      sha256: string | undefined;
      caption: string | undefined;
      filename: string | undefined;
      /** Audio recorded in-app as a voice note (audio only). */
      voice: boolean;
      /** Animated sticker (sticker only). */
      animated: boolean;
      /** Direct download URL when Meta includes it (needs the bearer token; else resolve the id). */
      url: string | undefined;
    }
  | {
      kind: 'location';
      latitude: number;
      longitude: number;
      name: string | undefined;
      address: string | undefined;
      url: string | undefined;
    }
  | { kind: 'contacts'; cards: SharedContactCard[] }
  | {
      kind: 'interactive';
      /** button_reply, list_reply, nfm_reply (Flows) or whatever Meta adds. */
      replyType: string;
      replyId: string | undefined;
      title: string | undefined;
      description: string | undefined;
      /** Flows: the response_json string, parsed when it is valid JSON. */
      flowResponse: unknown;
      /** nfm_reply only: `flow` or `address_message`. */
      flowName?: string | undefined;
    }
  | { kind: 'button'; payload: string | undefined; text: string | undefined }
  | { kind: 'reaction'; targetWamid: string; emoji: string | undefined }
  | {
      kind: 'order';
      catalogId: string | undefined;
      text: string | undefined;
      items: { productRetailerId: string; quantity: number; itemPrice: number; currency: string }[];
    }
  | { kind: 'system'; body: string | undefined; systemType: string | undefined; newWaId: string | undefined }
  | { kind: 'edit'; targetWamid: string | undefined; newContent: MessageContent | undefined }
  | { kind: 'revoke'; targetWamid: string }
  | { kind: 'request_welcome' }
  | { kind: 'unsupported'; unsupportedType: string | undefined }
  /** A type this version of Sightline does not know yet: kept and shown, never dropped. */
  | { kind: 'unknown'; type: string };

export interface MessageContext {
  /** The wamid quoted or replied to (a message we sent, or one the customer sent). */
  quotedWamid: string | undefined;
  from: string | undefined;
  forwarded: boolean;
  frequentlyForwarded: boolean;
  referredProduct: { catalogId: string | undefined; productRetailerId: string | undefined } | undefined;
}

export interface AdReferral {
  sourceUrl: string | undefined;
  sourceId: string | undefined;
  sourceType: string | undefined;
  headline: string | undefined;
  body: string | undefined;
  mediaType: string | undefined;
  ctwaClid: string | undefined;
  raw: unknown;
}

export interface InboundMessage {
  wamid: string;
  /** Sender phone (wa_id), digits only; absent for username-only users. */
  fromWaId: string | undefined;
  /** Business-scoped user id (BSUID), e.g. "US.13491208655302741918"; absent on older payloads. */
  fromUserId: string | undefined;
  timestamp: number;
  /** The `type` string exactly as Meta sent it. */
  type: string;
  content: MessageContent;
  context: MessageContext | undefined;
  referral: AdReferral | undefined;
  errors: WhatsAppErrorDetail[];
  /** The message object exactly as received, for audit and for fields we do not model yet. */
  raw: unknown;
}

export interface SenderProfile {
  waId: string | undefined;
  userId: string | undefined;
  name: string | undefined;
  username: string | undefined;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface StatusUpdate {
  wamid: string;
  status: DeliveryStatus;
  timestamp: number;
  recipientWaId: string | undefined;
  recipientUserId: string | undefined;
  bizOpaqueCallbackData: string | undefined;
  errors: WhatsAppErrorDetail[];
  pricingCategory: string | undefined;
}

/** One `entry[].changes[]` of field `messages`, for one business phone number. */
export interface ChannelChange {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  senders: SenderProfile[];
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  /** value.errors: system, app or account-level problems (log and alert; still acknowledged). */
  errors: WhatsAppErrorDetail[];
  /** Items skipped or degraded without failing the batch (e.g. an unknown status value); log them. */
  warnings?: WebhookWarning[];
}

/** A non-fatal problem with one item of a webhook batch, located by its JSON path. */
export interface WebhookWarning {
  path: string;
  message: string;
}

/** The outcome of parsing a signed webhook body. */
export type ParsedWebhook =
  | { kind: 'messages'; changes: ChannelChange[]; ignoredChanges: number }
  /** Well-formed but not for us (another product, another field): answer 200 and drop it. */
  | { kind: 'ignored'; reason: string };
