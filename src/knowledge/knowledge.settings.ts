import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Database, readJson, writeJson } from '../store/index.ts';
import { CategoryRulesSchema } from './category-data.ts';

/** A business's choices for the text analysers, validated on save and on read. */
export const KnowledgeSettingsSchema = z.object({
  /** OCR of inbound images and documents' first pages. */
  ocr: z.boolean().default(true),
  /** Transcription of voice notes (when an engine is installed). */
  transcription: z.boolean().default(true),
  ocrTimeoutMs: z.number().int().min(1_000).max(120_000).default(30_000),
  transcriptionTimeoutMs: z.number().int().min(1_000).max(300_000).default(60_000),
  /** The bot sends the best article by itself at or above this confidence; null never. */
  autoSendThreshold: z.number().min(0.5).max(1).nullable().default(0.9),
  /** Category rules replacing the shipped ones; null keeps the shipped ones. */
  rules: CategoryRulesSchema.nullable().default(null),
});
export type KnowledgeSettings = z.infer<typeof KnowledgeSettingsSchema>;

const ID = 'default';

export async function loadKnowledgeSettings(db: Kysely<Database>): Promise<KnowledgeSettings> {
  const row = await db
    .selectFrom('knowledge_settings')
    .select('value')
    .where('id', '=', ID)
    .executeTakeFirst();
  return KnowledgeSettingsSchema.parse(row ? readJson(row.value) : {});
}

export async function saveKnowledgeSettings(
  db: Kysely<Database>,
  settings: KnowledgeSettings,
  now: number,
): Promise<void> {
  const value = writeJson(settings);
  await db
    .insertInto('knowledge_settings')
    .values({ id: ID, value, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ value, updated_at: now }))
    .execute();
}
