import { type Db, readJson, writeJson } from '../store/index.ts';
import type { ArticleInput, ArticleTranslation } from './kb.schemas.ts';
import type { Category } from './knowledge.types.ts';

export interface Article {
  id: string;
  category: Category;
  keywords: string[];
  errorCodes: string[];
  translations: ArticleTranslation[];
  createdAt: number;
  updatedAt: number;
}

export async function insertArticle(
  db: Db,
  input: ArticleInput & { id: string; createdBy: string | null; now: number },
): Promise<void> {
  await db
    .insertInto('kb_articles')
    .values({
      id: input.id,
      category: input.category,
      keywords: writeJson(input.keywords),
      error_codes: writeJson(input.errorCodes),
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
  await insertTranslations(db, input.id, input.translations);
}

/** Replaces an article's fields and translations; false when there is no such article. */
export async function replaceArticle(db: Db, id: string, input: ArticleInput, now: number): Promise<boolean> {
  const result = await db
    .updateTable('kb_articles')
    .set({
      category: input.category,
      keywords: writeJson(input.keywords),
      error_codes: writeJson(input.errorCodes),
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    return false;
  }
  await db.deleteFrom('kb_article_translations').where('article_id', '=', id).execute();
  await insertTranslations(db, id, input.translations);
  return true;
}

export async function deleteArticle(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('kb_article_translations').where('article_id', '=', id).execute();
  const result = await db.deleteFrom('kb_articles').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Articles with their translations, newest first (the knowledge base is small enough to rank in memory). */
export async function listArticles(
  db: Db,
  filter: { id?: string; category?: Category } = {},
): Promise<Article[]> {
  let query = db.selectFrom('kb_articles').selectAll().orderBy('updated_at', 'desc').orderBy('id');
  if (filter.id) {
    query = query.where('id', '=', filter.id);
  }
  if (filter.category) {
    query = query.where('category', '=', filter.category);
  }
  const rows = await query.execute();
  if (rows.length === 0) {
    return [];
  }
  const translations = await db
    .selectFrom('kb_article_translations')
    .selectAll()
    .where(
      'article_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('language')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    category: row.category as Category,
    keywords: readJson<string[]>(row.keywords),
    errorCodes: readJson<string[]>(row.error_codes),
    translations: translations
      .filter((t) => t.article_id === row.id)
      .map((t) => ({
        language: t.language as ArticleTranslation['language'],
        title: t.title,
        steps: readJson<string[]>(t.steps),
      })),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }));
}

async function insertTranslations(db: Db, articleId: string, translations: readonly ArticleTranslation[]) {
  await db
    .insertInto('kb_article_translations')
    .values(
      translations.map((t) => ({
        article_id: articleId,
        language: t.language,
        title: t.title,
        steps: writeJson(t.steps),
      })),
    )
    .execute();
}
