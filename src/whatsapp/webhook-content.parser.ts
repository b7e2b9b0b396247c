/**
 * Turns the type-specific object of an inbound message (`text`, `image`, `interactive`…) into
 * `MessageContent`. A known type whose object is unreadable degrades to `unknown` with a warning:
 * the message is still stored (with `raw`) and the rest of the batch stands.
 */
import type { z } from 'zod';
import { describeIssue, type JsonPath } from './webhook.errors.ts';
import {
  ButtonSchema,
  ContactCardsSchema,
  EditSchema,
  FlowReplySchema,
  InteractiveReplySchema,
  InteractiveSchema,
  LocationSchema,
  MediaSchema,
  OrderSchema,
  ReactionSchema,
  RevokeSchema,
  SystemSchema,
  TextSchema,
  UnsupportedSchema,
} from './webhook.schemas.ts';
import type { MediaKind, MessageContent, SharedContactCard, WebhookWarning } from './whatsapp.types.ts';

export interface ContentScope {
  /** Path of the message object (or of the nested message of an edit). */
  path: JsonPath;
  warnings: WebhookWarning[];
  depth: number;
}

type MessageObject = Record<string, unknown>;
type ContentReader = (message: MessageObject, scope: ContentScope) => MessageContent | undefined;

const MAX_EDIT_DEPTH = 2;

function readPayload<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  path: JsonPath,
  scope: ContentScope,
): z.output<Schema> | undefined {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  scope.warnings.push(describeIssue(result.error, path));
  return undefined;
}

function readMedia(mediaKind: MediaKind): ContentReader {
  return (message, scope) => {
    const media = readPayload(MediaSchema, message[mediaKind], [...scope.path, mediaKind], scope);
    if (media === undefined) {
      return undefined;
    }
    return {
      kind: 'media',
      mediaKind,
      mediaId: media.id,
      mimeType: media.mime_type,
      sha256: media.sha256,
      caption: media.caption,
      filename: media.filename,
      voice: mediaKind === 'audio' && media.voice === true,
      animated: mediaKind === 'sticker' && media.animated === true,
      url: media.url,
    };
  };
}

function readContactCards(message: MessageObject, scope: ContentScope): MessageContent | undefined {
  const cards = readPayload(ContactCardsSchema, message.contacts, [...scope.path, 'contacts'], scope);
  if (cards === undefined) {
    return undefined;
  }
  const rawCards = message.contacts as unknown[];
  return {
    kind: 'contacts',
    cards: cards.map(
      (card, index): SharedContactCard => ({
        formattedName: card.name?.formatted_name,
        firstName: card.name?.first_name,
        lastName: card.name?.last_name,
        phones: (card.phones ?? []).map((p) => ({ phone: p.phone, waId: p.wa_id, type: p.type })),
        emails: (card.emails ?? []).map((e) => ({ email: e.email, type: e.type })),
        organization: card.org?.company,
        raw: rawCards[index],
      }),
    ),
  };
}

/** Flows send `response_json` as a string; parse it when it is JSON, keep the string otherwise. */
function parseJsonLoosely(text: string | undefined): unknown {
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readInteractive(message: MessageObject, scope: ContentScope): MessageContent | undefined {
  const path = [...scope.path, 'interactive'];
  const head = readPayload(InteractiveSchema, message.interactive, path, scope);
  if (head === undefined) {
    return undefined;
  }
  const replyType = head.type;
  const replyValue = head[replyType] ?? {};
  if (replyType === 'nfm_reply') {
    const flow = readPayload(FlowReplySchema, replyValue, [...path, replyType], scope);
    return {
      kind: 'interactive',
      replyType,
      replyId: undefined,
      title: flow?.body,
      description: undefined,
      flowResponse: parseJsonLoosely(flow?.response_json),
      flowName: flow?.name,
    };
  }
  const reply = readPayload(InteractiveReplySchema, replyValue, [...path, replyType], scope);
  return {
    kind: 'interactive',
    replyType,
    replyId: reply?.id,
    title: reply?.title,
    description: reply?.description,
    flowResponse: undefined,
  };
}

function readEdit(message: MessageObject, scope: ContentScope): MessageContent | undefined {
  const path = [...scope.path, 'edit'];
  const edit = readPayload(EditSchema, message.edit ?? {}, path, scope);
  if (edit === undefined) {
    return undefined;
  }
  const nested = edit.message;
  const newContent =
    nested === undefined
      ? undefined
      : readMessageContent(nested.type, nested, {
          ...scope,
          path: [...path, 'message'],
          depth: scope.depth + 1,
        });
  return { kind: 'edit', targetWamid: edit.original_message_id, newContent };
}

const readers: Record<string, ContentReader> = {
  text: (message, scope) => {
    const text = readPayload(TextSchema, message.text, [...scope.path, 'text'], scope);
    return text && { kind: 'text', body: text.body };
  },
  image: readMedia('image'),
  video: readMedia('video'),
  audio: readMedia('audio'),
  document: readMedia('document'),
  sticker: readMedia('sticker'),
  location: (message, scope) => {
    const loc = readPayload(LocationSchema, message.location, [...scope.path, 'location'], scope);
    return (
      loc && {
        kind: 'location',
        latitude: loc.latitude,
        longitude: loc.longitude,
        name: loc.name,
        address: loc.address,
        url: loc.url,
      }
    );
  },
  contacts: readContactCards,
  interactive: readInteractive,
  button: (message, scope) => {
    const button = readPayload(ButtonSchema, message.button, [...scope.path, 'button'], scope);
    return button && { kind: 'button', payload: button.payload, text: button.text };
  },
  reaction: (message, scope) => {
    const reaction = readPayload(ReactionSchema, message.reaction, [...scope.path, 'reaction'], scope);
    // Meta omits `emoji` when the customer removes a reaction; treat an empty string the same way.
    return (
      reaction && { kind: 'reaction', targetWamid: reaction.message_id, emoji: reaction.emoji || undefined }
    );
  },
  order: (message, scope) => {
    const order = readPayload(OrderSchema, message.order, [...scope.path, 'order'], scope);
    return (
      order && {
        kind: 'order',
        catalogId: order.catalog_id,
        text: order.text,
        items: (order.product_items ?? []).map((item) => ({
          productRetailerId: item.product_retailer_id,
          quantity: item.quantity,
          itemPrice: item.item_price,
          currency: item.currency,
        })),
      }
    );
  },
  system: (message, scope) => {
    const system = readPayload(SystemSchema, message.system ?? {}, [...scope.path, 'system'], scope);
    return (
      system && {
        kind: 'system',
        body: system.body,
        systemType: system.type,
        newWaId: system.wa_id ?? system.new_wa_id,
      }
    );
  },
  unsupported: (message, scope) => {
    const path = [...scope.path, 'unsupported'];
    const unsupported = readPayload(UnsupportedSchema, message.unsupported ?? {}, path, scope);
    return { kind: 'unsupported', unsupportedType: unsupported?.type };
  },
  // Older payloads said `unknown` (errors code 131051) for what is now `unsupported`.
  unknown: () => ({ kind: 'unsupported', unsupportedType: undefined }),
  edit: readEdit,
  revoke: (message, scope) => {
    const revoke = readPayload(RevokeSchema, message.revoke, [...scope.path, 'revoke'], scope);
    return revoke && { kind: 'revoke', targetWamid: revoke.original_message_id };
  },
  request_welcome: () => ({ kind: 'request_welcome' }),
};

/** Reads the content of one message of the given `type`; never throws. */
export function readMessageContent(
  type: string,
  message: MessageObject,
  scope: ContentScope,
): MessageContent {
  const reader = Object.hasOwn(readers, type) ? readers[type] : undefined;
  if (reader === undefined || scope.depth > MAX_EDIT_DEPTH) {
    return { kind: 'unknown', type };
  }
  return reader(message, scope) ?? { kind: 'unknown', type };
}
