import type { Selectable } from 'kysely';
import { AppError } from '../kernel/index.ts';
import { type Db, readJson, type TemplatesTable, writeJson } from '../store/index.ts';
import type { TemplateInfo } from '../whatsapp/index.ts';
import {
  type StoredTemplate,
  type TemplateSlots,
  templateSlots,
  unsendableReason,
} from './template-parameters.ts';

/** A template as the API and dashboard see it: what to fill and whether it can be sent. */
export interface TemplateView extends StoredTemplate {
  id: string;
  slots: TemplateSlots;
  /** Why it cannot be sent (not approved, media header…), or null. */
  unsendableReason: string | null;
  syncedAt: number;
}

function toStored(row: Selectable<TemplatesTable>): StoredTemplate {
  return {
    name: row.name,
    language: row.language,
    status: row.status,
    category: row.category,
    parameterFormat: row.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL',
    components: readJson(row.components),
  };
}

function toView(row: Selectable<TemplatesTable>): TemplateView {
  const stored = toStored(row);
  return {
    id: row.id,
    ...stored,
    slots: templateSlots(stored),
    unsendableReason: unsendableReason(stored),
    syncedAt: Number(row.synced_at),
  };
}

export async function listTemplates(
  db: Db,
  filter: { language?: string | undefined; sendableOnly?: boolean | undefined } = {},
): Promise<TemplateView[]> {
  let query = db.selectFrom('templates').selectAll().orderBy('name').orderBy('language');
  if (filter.language !== undefined) {
    query = query.where('language', '=', filter.language);
  }
  const views = (await query.execute()).map(toView);
  return filter.sendableOnly ? views.filter((view) => view.unsendableReason === null) : views;
}

export async function findTemplate(db: Db, name: string, language: string): Promise<StoredTemplate> {
  const row = await db
    .selectFrom('templates')
    .selectAll()
    .where('name', '=', name)
    .where('language', '=', language)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'not_found',
      'template.not_found',
      `No template ${name} in language ${language}; sync templates from WhatsApp or check the name.`,
    );
  }
  return toStored(row);
}

/** Replaces the stored list with what the Graph API returned (templates gone from Meta are removed). */
export async function replaceTemplates(db: Db, templates: TemplateInfo[], now: number): Promise<void> {
  await db.deleteFrom('templates').execute();
  for (const template of templates) {
    await db
      .insertInto('templates')
      .values({
        id: template.id,
        name: template.name,
        language: template.language,
        status: template.status,
        category: template.category ?? null,
        parameter_format: template.parameterFormat === 'NAMED' ? 'NAMED' : 'POSITIONAL',
        components: writeJson(template.components),
        synced_at: now,
      })
      .execute();
  }
}
