import type { CustomerState, CustomersRegistry } from './customers.registry.ts';
import { createInboundComposer, type InboundComposer, type InboundComposerDeps } from './inbound.composer.ts';
import type { OutboundService } from './outbound.service.ts';
import type {
  CustomerSummary,
  InboundDraft,
  InboundRecord,
  MetaObject,
  OutboundMessage,
  SentInbound,
} from './simulator.types.ts';

export type PlayOutcome =
  | { ok: true; played: boolean }
  | { ok: false; reason: 'not_found' | 'not_audio' | 'failed' };

export interface CustomerHandleDeps extends InboundComposerDeps {
  customers: CustomersRegistry;
  outbound: OutboundService;
  sendDrafts(groups: InboundDraft[][]): SentInbound[];
}

type ComposerArgs<K extends keyof InboundComposer> = Parameters<InboundComposer[K]>;

/** The customer's phone: sends Meta-shaped webhooks, sees what the business sent, reads and plays it. */
export function createCustomerHandle(deps: CustomerHandleDeps, state: CustomerState) {
  const compose = createInboundComposer(deps, state);
  const sendOne = (draft: InboundDraft): SentInbound => {
    const [sent] = deps.sendDrafts([[draft]]);
    if (!sent) {
      throw new Error('The simulator delivered nothing');
    }
    return sent;
  };

  const markRead = (record: OutboundMessage) => deps.outbound.emitStatus(record.wamid, 'read');

  return {
    get key(): string {
      return state.key;
    },
    get waId(): string | undefined {
      return state.waId;
    },
    get userId(): string | undefined {
      return state.userId;
    },
    /** Builders that do not deliver, for `sendBatch`. */
    compose,
    sendText: (body: string, options?: ComposerArgs<'text'>[1]) => sendOne(compose.text(body, options)),
    sendImage: (...args: ComposerArgs<'image'>) => sendOne(compose.image(...args)),
    sendVideo: (...args: ComposerArgs<'video'>) => sendOne(compose.video(...args)),
    sendAudio: (...args: ComposerArgs<'audio'>) => sendOne(compose.audio(...args)),
    sendDocument: (...args: ComposerArgs<'document'>) => sendOne(compose.document(...args)),
    sendSticker: (...args: ComposerArgs<'sticker'>) => sendOne(compose.sticker(...args)),
    sendLocation: (...args: ComposerArgs<'location'>) => sendOne(compose.location(...args)),
    sendContacts: (cards: MetaObject[]) => sendOne(compose.contacts(cards)),
    tapButton: (...args: ComposerArgs<'buttonReply'>) => sendOne(compose.buttonReply(...args)),
    pickListRow: (...args: ComposerArgs<'listReply'>) => sendOne(compose.listReply(...args)),
    tapTemplateButton: (...args: ComposerArgs<'templateButton'>) => sendOne(compose.templateButton(...args)),
    react: (...args: ComposerArgs<'reaction'>) => sendOne(compose.reaction(...args)),
    sendOrder: (...args: ComposerArgs<'order'>) => sendOne(compose.order(...args)),
    sendUnsupported: (kind: string) => sendOne(compose.unsupported(kind)),
    sendRaw: (messageObject: MetaObject) => sendOne(compose.raw(messageObject)),

    /** Messages the business sent to this customer, with their current status. */
    inbox: (): OutboundMessage[] => deps.outbound.listOutbound(state.key).map((m) => structuredClone(m)),
    /** Messages this customer sent, and whether the business marked them read. */
    sent: (): InboundRecord[] => state.inbound.map((record) => structuredClone(record)),
    isWindowOpen: (): boolean => deps.customers.isWindowOpen(state),
    summarize: (): CustomerSummary => deps.customers.summarize(state),

    /** Opens the chat: every sent/delivered business message becomes `read` (one status webhook each). */
    readAll: () => {
      const unread = deps.outbound
        .listOutbound(state.key)
        .filter((m) => (m.status === 'sent' || m.status === 'delivered') && m.type !== 'reaction');
      return unread.map(markRead).filter((delivery) => delivery !== undefined);
    },

    /** Plays a business audio message: `read` first if needed, then `played` for voice notes. */
    play: async (wamid: string): Promise<PlayOutcome> => {
      const record = deps.outbound.findOutbound(wamid);
      if (!record || record.customerKey !== state.key) {
        return { ok: false, reason: 'not_found' };
      }
      if (record.type !== 'audio') {
        return { ok: false, reason: 'not_audio' };
      }
      if (record.status === 'failed' || record.status === 'accepted') {
        return { ok: false, reason: 'failed' };
      }
      if (record.status === 'sent' || record.status === 'delivered') {
        await markRead(record)?.firstAttempt;
      }
      if (!record.isVoice || record.status === 'played') {
        return { ok: true, played: false };
      }
      await deps.outbound.emitStatus(wamid, 'played')?.firstAttempt;
      return { ok: true, played: true };
    },
  };
}

export type CustomerHandle = ReturnType<typeof createCustomerHandle>;
