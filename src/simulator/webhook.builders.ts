import type { CustomerState } from './customers.registry.ts';
import type { InboundDraft, MetaObject } from './simulator.types.ts';

export interface BusinessIdentity {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** Meta timestamps are strings of Unix seconds. */
export function formatTimestamp(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** The `value.contacts[]` element describing a sender (`wa_id` omitted for BSUID-only users). */
export function buildContact(customer: CustomerState): MetaObject {
  const profile: MetaObject = { name: customer.name ?? '' };
  if (customer.username) {
    profile.username = customer.username;
  }
  return {
    profile,
    ...(customer.waId ? { wa_id: customer.waId } : {}),
    ...(customer.userId ? { user_id: customer.userId } : {}),
  };
}

function buildValue(business: BusinessIdentity, rest: MetaObject): MetaObject {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
    ...rest,
  };
}

function buildEnvelope(business: BusinessIdentity, values: MetaObject[]): MetaObject {
  return {
    object: 'whatsapp_business_account',
    entry: values.map((value) => ({ id: business.wabaId, changes: [{ value, field: 'messages' }] })),
  };
}

/** One webhook carrying messages, one `entry` per group, one `contacts[]` element per distinct sender. */
export function buildMessagesEnvelope(business: BusinessIdentity, groups: InboundDraft[][]): MetaObject {
  const values = groups.map((drafts) => {
    const contacts = new Map<string, MetaObject>();
    for (const draft of drafts) {
      contacts.set(draft.customerKey, draft.contact);
    }
    return buildValue(business, { contacts: [...contacts.values()], messages: drafts.map((d) => d.message) });
  });
  return buildEnvelope(business, values);
}

export function buildStatusEnvelope(business: BusinessIdentity, statuses: MetaObject[]): MetaObject {
  return buildEnvelope(business, [buildValue(business, { statuses })]);
}
