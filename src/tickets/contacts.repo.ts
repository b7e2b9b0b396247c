import { newId } from '../kernel/index.ts';
import { type Db, insertRow, prepareQuery } from '../store/index.ts';
import type { Contact } from './tickets.types.ts';

export interface ContactIdentity {
  waId: string | undefined;
  bsuid: string | undefined;
  name: string | undefined;
  username: string | undefined;
}

type ContactRow = {
  id: string;
  wa_id: string | null;
  bsuid: string | null;
  username: string | null;
  name: string | null;
  language: string | null;
};

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    waId: row.wa_id,
    bsuid: row.bsuid,
    username: row.username,
    name: row.name,
    language: row.language,
  };
}

const columns = ['id', 'wa_id', 'bsuid', 'username', 'name', 'language'] as const;

const findByPhone = prepareQuery((db, waId: string) =>
  db.selectFrom('contacts').select(columns).where('wa_id', '=', waId),
);
const findByBsuid = prepareQuery((db, bsuid: string) =>
  db.selectFrom('contacts').select(columns).where('bsuid', '=', bsuid),
);

export async function getContact(db: Db, id: string): Promise<Contact> {
  return toContact(
    await db.selectFrom('contacts').select(columns).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

/**
 * Finds the customer by business-scoped user id and/or phone, creating or completing the record.
 * When the two keys point at two records (phone seen first, BSUID later), the BSUID record is merged
 * into the phone record. Returns the contact and the id merged away, if any.
 * Callers hold a lock on both keys (lockKeys) so concurrent deliveries cannot race here.
 */
export async function resolveContact(
  db: Db,
  identity: ContactIdentity,
  now: number,
): Promise<{ contact: Contact; mergedFrom: string | null; created: boolean }> {
  const byPhone = identity.waId ? (await findByPhone(db, identity.waId))[0] : undefined;
  const byBsuid = identity.bsuid ? (await findByBsuid(db, identity.bsuid))[0] : undefined;

  if (!byPhone && !byBsuid) {
    const row: ContactRow = {
      id: newId(),
      wa_id: identity.waId ?? null,
      bsuid: identity.bsuid ?? null,
      username: identity.username ?? null,
      name: identity.name ?? null,
      language: null,
    };
    await insertRow(db, 'contacts', { ...row, created_at: now, updated_at: now });
    return { contact: toContact(row), mergedFrom: null, created: true };
  }

  const keep = byPhone ?? byBsuid!;
  const other = byPhone && byBsuid && byPhone.id !== byBsuid.id ? byBsuid : undefined;
  if (other) {
    await mergeContactInto(db, other.id, keep.id);
  }
  const next: ContactRow = {
    ...keep,
    wa_id: identity.waId ?? keep.wa_id,
    bsuid: identity.bsuid ?? keep.bsuid ?? other?.bsuid ?? null,
    username: identity.username ?? keep.username ?? other?.username ?? null,
    name: identity.name ?? keep.name ?? other?.name ?? null,
    language: keep.language ?? other?.language ?? null,
  };
  const changed = columns.some((c) => next[c] !== keep[c]);
  if (changed) {
    await db
      .updateTable('contacts')
      .set({
        wa_id: next.wa_id,
        bsuid: next.bsuid,
        username: next.username,
        name: next.name,
        language: next.language,
        updated_at: now,
      })
      .where('id', '=', keep.id)
      .execute();
  }
  return { contact: toContact(next), mergedFrom: other?.id ?? null, created: false };
}

async function mergeContactInto(db: Db, fromId: string, intoId: string): Promise<void> {
  // One active ticket per customer and number: close the merged contact's active tickets where the
  // surviving contact already has one on the same number, before moving them over.
  const survivingActive = await db
    .selectFrom('tickets')
    .select('channel_id')
    .where('contact_id', '=', intoId)
    .where('status', 'in', ['new', 'open', 'pending'])
    .execute();
  const channels = survivingActive.map((t) => t.channel_id);
  if (channels.length > 0) {
    await db
      .updateTable('tickets')
      .set({ status: 'closed' })
      .where('contact_id', '=', fromId)
      .where('channel_id', 'in', channels)
      .where('status', 'in', ['new', 'open', 'pending'])
      .execute();
  }
  await db.updateTable('tickets').set({ contact_id: intoId }).where('contact_id', '=', fromId).execute();
  await db.updateTable('messages').set({ contact_id: intoId }).where('contact_id', '=', fromId).execute();
  await db.updateTable('contacts').set({ bsuid: null, wa_id: null }).where('id', '=', fromId).execute();
  await db.deleteFrom('contacts').where('id', '=', fromId).execute();
}

/** A customer changed phone number (system message): move the phone key to the new number. */
export async function rekeyContactPhone(
  db: Db,
  contactId: string,
  newWaId: string,
  now: number,
): Promise<void> {
  const holder = await db.selectFrom('contacts').select('id').where('wa_id', '=', newWaId).executeTakeFirst();
  if (holder && holder.id !== contactId) {
    await mergeContactInto(db, holder.id, contactId);
  }
  await db
    .updateTable('contacts')
    .set({ wa_id: newWaId, updated_at: now })
    .where('id', '=', contactId)
    .execute();
}

/** The language to write to a ticket's customer in: the contact's, else the ticket's, else English. */
export async function findCustomerLanguage(db: Db, ticketId: string): Promise<string> {
  const row = await db
    .selectFrom('tickets')
    .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
    .select(['contacts.language as contactLanguage', 'tickets.language as ticketLanguage'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
  return row?.contactLanguage ?? row?.ticketLanguage ?? 'en';
}
