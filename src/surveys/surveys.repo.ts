import type { Kysely } from 'kysely';
import type { Database, Db } from '../store/index.ts';

/** Survey rows: the ones the analytics module counts (`surveys`, CSAT 1–5). */
export function createSurveysRepo(db: Kysely<Database>) {
  return {
    /** The survey's ticket and the language to write to the customer in. */
    findForSending(surveyId: string) {
      return db
        .selectFrom('surveys as s')
        .innerJoin('contacts as c', 'c.id', 's.contact_id')
        .leftJoin('tickets as t', 't.id', 's.ticket_id')
        .select(['s.ticket_id', (eb) => eb.fn.coalesce('t.language', 'c.language').as('language')])
        .where('s.id', '=', surveyId)
        .executeTakeFirst();
    },
  };
}

export type SurveysRepo = ReturnType<typeof createSurveysRepo>;

/** Records an answer once: a second pick of the list (or a redelivery) keeps the first score. */
export async function recordAnswer(
  db: Db,
  input: { surveyId: string; contactId: string; score: number; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('surveys')
    .set({ score: input.score, answered_at: input.now })
    .where('id', '=', input.surveyId)
    .where('contact_id', '=', input.contactId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
