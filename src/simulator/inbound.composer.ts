import type { Clock } from '../kernel/index.ts';
import type { CustomerState } from './customers.registry.ts';
import type { MediaStore } from './media.store.ts';
import { createWamid } from './simulator.ids.ts';
import type { InboundDraft, MetaObject } from './simulator.types.ts';
import { type BusinessIdentity, buildContact, formatTimestamp } from './webhook.builders.ts';

export interface MediaInput {
  data: Buffer;
  mimeType: string;
  caption?: string;
}
export interface ReplyOptions {
  replyTo?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
}
export interface OrderInput {
  catalogId: string;
  text?: string;
  items: Array<{ productRetailerId: string; quantity: number; itemPrice: number; currency: string }>;
}

export interface InboundComposerDeps {
  clock: Clock;
  media: MediaStore;
  business: BusinessIdentity;
  publicGraphUrl?: string;
}

/** Message types after which Meta (re)opens the 24 h customer-service window. */
export function opensServiceWindow(type: string): boolean {
  return type !== 'reaction' && type !== 'system';
}

/** Builds Meta-shaped `messages[]` elements for one customer, storing any media they send. */
export function createInboundComposer(deps: InboundComposerDeps, customer: CustomerState) {
  /** `context` as Meta sends it: the quoted message and/or forwarding flags (callers may combine them). */
  const buildContext = (options: ReplyOptions): MetaObject | undefined => {
    const context: MetaObject = {
      ...(options.replyTo ? { from: deps.business.displayPhoneNumber, id: options.replyTo } : {}),
      ...(options.frequentlyForwarded
        ? { frequently_forwarded: true }
        : options.forwarded
          ? { forwarded: true }
          : {}),
    };
    return Object.keys(context).length > 0 ? context : undefined;
  };

  const compose = (type: string, payload: unknown, options: ReplyOptions = {}): InboundDraft => {
    const wamid = createWamid(customer.waId ?? customer.userId ?? customer.key, 'inbound');
    const context = buildContext(options);
    const message: MetaObject = {
      ...(context ? { context } : {}),
      ...(customer.waId ? { from: customer.waId } : {}),
      ...(customer.userId ? { from_user_id: customer.userId } : {}),
      id: wamid,
      timestamp: formatTimestamp(deps.clock.now()),
      type,
      ...(payload === undefined ? {} : { [type]: payload }),
    };
    return { wamid, customerKey: customer.key, contact: buildContact(customer), message };
  };

  const storeMedia = (input: MediaInput & { filename?: string }, extra: MetaObject): MetaObject => {
    const stored = deps.media.addMedia({ ...input, origin: 'customer' });
    const url = deps.publicGraphUrl
      ? `${deps.publicGraphUrl}/media-download/${deps.media.issueDownloadToken(stored.id).token}`
      : undefined;
    return {
      ...(input.caption === undefined ? {} : { caption: input.caption }),
      ...(input.filename === undefined ? {} : { filename: input.filename }),
      mime_type: input.mimeType,
      sha256: stored.sha256Base64,
      id: stored.id,
      ...(url ? { url } : {}),
      ...extra,
    };
  };

  return {
    text: (body: string, options: ReplyOptions = {}) => compose('text', { body }, options),
    image: (input: MediaInput, options: ReplyOptions = {}) =>
      compose('image', storeMedia(input, {}), options),
    video: (input: MediaInput, options: ReplyOptions = {}) =>
      compose('video', storeMedia(input, {}), options),
    audio: (input: Omit<MediaInput, 'caption'> & { voice?: boolean }) =>
      compose(
        'audio',
        storeMedia({ data: input.data, mimeType: input.mimeType }, { voice: input.voice ?? false }),
      ),
    document: (input: MediaInput & { filename: string }, options: ReplyOptions = {}) =>
      compose('document', storeMedia(input, {}), options),
    sticker: (input: Omit<MediaInput, 'caption'> & { animated?: boolean }) =>
      compose(
        'sticker',
        storeMedia({ data: input.data, mimeType: input.mimeType }, { animated: input.animated ?? false }),
      ),
    location: (input: { latitude: number; longitude: number; name?: string; address?: string }) =>
      compose('location', { ...input }),
    contacts: (cards: MetaObject[]) => compose('contacts', cards),
    buttonReply: (input: { replyTo: string; id: string; title: string }) =>
      compose(
        'interactive',
        { type: 'button_reply', button_reply: { id: input.id, title: input.title } },
        input,
      ),
    listReply: (input: { replyTo: string; id: string; title: string; description?: string }) =>
      compose(
        'interactive',
        {
          type: 'list_reply',
          list_reply: {
            id: input.id,
            title: input.title,
            ...(input.description === undefined ? {} : { description: input.description }),
          },
        },
        input,
      ),
    templateButton: (input: { replyTo: string; payload: string; text: string }) =>
      compose('button', { payload: input.payload, text: input.text }, input),
    reaction: (input: { wamid: string; emoji?: string }) =>
      compose('reaction', {
        message_id: input.wamid,
        ...(input.emoji === undefined ? {} : { emoji: input.emoji }),
      }),
    order: (input: OrderInput) =>
      compose('order', {
        catalog_id: input.catalogId,
        ...(input.text === undefined ? {} : { text: input.text }),
        product_items: input.items.map((item) => ({
          product_retailer_id: item.productRetailerId,
          quantity: item.quantity,
          item_price: item.itemPrice,
          currency: item.currency,
        })),
      }),
    unsupported: (kind: string) => {
      const draft = compose('unsupported', { type: kind });
      draft.message.errors = [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ];
      return draft;
    },
    /** Any message object (future types); `from`, `id`, `timestamp` are filled in when absent. */
    raw: (messageObject: MetaObject) => {
      const base = compose(String(messageObject.type ?? 'unknown'), undefined);
      const message = { ...base.message, ...messageObject };
      return { ...base, wamid: String(message.id), message };
    },
  };
}

export type InboundComposer = ReturnType<typeof createInboundComposer>;
