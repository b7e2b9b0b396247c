import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { insertArticle } from './kb.repo.ts';
import { ArticleInputSchema } from './kb.schemas.ts';

/** Demo mode starts with a few articles in five languages (payment error E-4012, a leak, a password reset). */
export async function seedDemoArticles(db: Kysely<Database>, now: number): Promise<void> {
  const existing = await db.selectFrom('kb_articles').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return;
  }
  const articles = z
    .array(ArticleInputSchema)
    .parse(JSON.parse(fs.readFileSync(new URL('./data/demo-articles.json', import.meta.url), 'utf8')));
  await db.transaction().execute(async (trx) => {
    for (const [i, article] of articles.entries()) {
      await insertArticle(trx, { ...article, id: newId(), createdBy: null, now: now + i });
    }
  });
}
