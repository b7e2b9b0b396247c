import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_RETRY, defineJobSpec, type JobDefinition } from '../jobs/index.ts';
import type { Clock, Logger } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import type { WhatsAppClient } from '../whatsapp/index.ts';
import { type PreparedTemplate, prepareTemplate, type TemplateValues } from './template-parameters.ts';
import { findTemplate, replaceTemplates } from './templates.repo.ts';

export const syncTemplatesJob = defineJobSpec({
  name: 'templates.sync',
  schema: z.object({}).strict(),
  retry: DEFAULT_RETRY,
});

/** Templates live at Meta; Sightline keeps a copy to validate and preview sends without a round trip. */
export function createTemplateService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  whatsapp: WhatsAppClient;
  logger: Logger;
}) {
  const { db, clock, whatsapp } = deps;

  async function sync(): Promise<{ count: number; syncedAt: number }> {
    const templates = await whatsapp.listTemplates();
    const syncedAt = clock.now();
    await db.transaction().execute((trx) => replaceTemplates(trx, templates, syncedAt));
    deps.logger.info({ count: templates.length }, 'templates synced from WhatsApp');
    return { count: templates.length, syncedAt };
  }

  /** The template's Graph components and text for these values; refuses before anything is sent. */
  async function prepare(name: string, language: string, values: TemplateValues): Promise<PreparedTemplate> {
    return prepareTemplate(await findTemplate(db, name, language), values);
  }

  const job: JobDefinition<Record<string, never>> = {
    ...syncTemplatesJob,
    handler: async () => {
      await sync();
    },
  };

  return { sync, prepare, job };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
