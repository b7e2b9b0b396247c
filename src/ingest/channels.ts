import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ChannelChange } from '../whatsapp/index.ts';

/** The business number a change is for, created on first sight (a business may connect several). */
export async function findOrCreateChannel(
  db: Db,
  change: ChannelChange,
  now: number,
): Promise<{ id: string }> {
  const existing = await db
    .selectFrom('channels')
    .select('id')
    .where('phone_number_id', '=', change.phoneNumberId)
    .executeTakeFirst();
  if (existing) {
    return existing;
  }
  await db
    .insertInto('channels')
    .values({
      id: newId(),
      phone_number_id: change.phoneNumberId,
      display_phone_number: change.displayPhoneNumber,
      waba_id: change.wabaId,
      created_at: now,
    })
    .onConflict((oc) => oc.column('phone_number_id').doNothing())
    .execute();
  return db
    .selectFrom('channels')
    .select('id')
    .where('phone_number_id', '=', change.phoneNumberId)
    .executeTakeFirstOrThrow();
}
