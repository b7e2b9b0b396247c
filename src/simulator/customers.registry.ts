import type { Clock } from '../kernel/index.ts';
import { DAY } from '../kernel/index.ts';
import type { CustomerIdentity, CustomerSummary, InboundRecord } from './simulator.types.ts';

/** Meta's customer-service window: free-form messages are allowed for 24 h after the user's last message. */
export const SERVICE_WINDOW_MS = DAY;

const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;
const PHONE_LIKE = /^[+\d\s().-]+$/;

export interface CustomerState {
  /** Stable key: the wa_id, or the BSUID for username-only customers. */
  key: string;
  waId?: string;
  userId?: string;
  name?: string;
  username?: string;
  lastInboundAt?: number;
  inbound: InboundRecord[];
}

export interface CustomersRegistry {
  /** Finds or creates the customer, merging a newly learnt wa_id or BSUID into the same record. */
  upsertCustomer(identity: CustomerIdentity): CustomerState;
  /** Resolves a Graph `to` (phone in any format, or a BSUID) or an API id; unknown phones are created. */
  resolveRecipient(to: string): CustomerState | undefined;
  findCustomer(id: string): CustomerState | undefined;
  findInbound(wamid: string): { customer: CustomerState; record: InboundRecord } | undefined;
  recordInbound(customer: CustomerState, record: InboundRecord, opensWindow: boolean): void;
  isWindowOpen(customer: CustomerState): boolean;
  summarize(customer: CustomerState): CustomerSummary;
  list(): CustomerState[];
}

export function normalizePhone(raw: string): string {
  return raw.replace(/[^0-9]/g, '');
}

export function createCustomersRegistry(clock: Clock): CustomersRegistry {
  const byWaId = new Map<string, CustomerState>();
  const byUserId = new Map<string, CustomerState>();
  const inboundIndex = new Map<string, { customer: CustomerState; record: InboundRecord }>();
  const all: CustomerState[] = [];

  const index = (customer: CustomerState): void => {
    if (customer.waId) {
      byWaId.set(customer.waId, customer);
    }
    if (customer.userId) {
      byUserId.set(customer.userId, customer);
    }
  };

  const upsertCustomer = (identity: CustomerIdentity): CustomerState => {
    const waId = identity.waId === undefined ? undefined : normalizePhone(identity.waId);
    const existing =
      (waId && byWaId.get(waId)) || (identity.userId && byUserId.get(identity.userId)) || undefined;
    const customer: CustomerState = existing ?? { key: waId || identity.userId || '', inbound: [] };
    if (!existing) {
      all.push(customer);
    }
    if (waId) {
      customer.waId = waId;
    }
    for (const field of ['userId', 'name', 'username'] as const) {
      const value = identity[field];
      if (value !== undefined) {
        customer[field] = value;
      }
    }
    index(customer);
    return customer;
  };

  const isWindowOpen = (customer: CustomerState): boolean =>
    customer.lastInboundAt !== undefined && clock.now() < customer.lastInboundAt + SERVICE_WINDOW_MS;

  return {
    upsertCustomer,
    findCustomer: (id) =>
      byUserId.get(id) ?? (PHONE_LIKE.test(id) ? byWaId.get(normalizePhone(id)) : undefined),
    resolveRecipient: (to) => {
      if (BSUID.test(to)) {
        return byUserId.get(to);
      }
      const digits = normalizePhone(to);
      return digits === '' ? undefined : (byWaId.get(digits) ?? upsertCustomer({ waId: digits }));
    },
    findInbound: (wamid) => inboundIndex.get(wamid),
    recordInbound: (customer, record, opensWindow) => {
      customer.inbound.push(record);
      inboundIndex.set(record.wamid, { customer, record });
      if (opensWindow) {
        customer.lastInboundAt = Math.max(customer.lastInboundAt ?? 0, record.at);
      }
    },
    isWindowOpen,
    summarize: (customer) => ({
      key: customer.key,
      ...(customer.waId ? { waId: customer.waId } : {}),
      ...(customer.userId ? { userId: customer.userId } : {}),
      ...(customer.name ? { name: customer.name } : {}),
      ...(customer.username ? { username: customer.username } : {}),
      ...(customer.lastInboundAt === undefined
        ? {}
        : {
            lastInboundAt: customer.lastInboundAt,
            windowExpiresAt: customer.lastInboundAt + SERVICE_WINDOW_MS,
          }),
      isWindowOpen: isWindowOpen(customer),
    }),
    list: () => [...all],
  };
}
