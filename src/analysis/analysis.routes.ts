import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addRoute } from '../http/route.ts';
import type { Clock } from '../kernel/index.ts';
import { findVisibleMedia } from '../media/index.ts';
import type { Database } from '../store/index.ts';
import { SWITCHES } from './analysis.config.ts';
import { findAnalysis, loadSettings, saveSettings } from './analysis.repo.ts';
import { UNUSABLE_REASONS } from './analysis.types.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const LanguageTexts = z.partialRecord(
  z.enum(['en', 'fr', 'es', 'it', 'ar']),
  z.string().trim().min(1).max(1000),
);
export const AnalysisSettingsBody = z.object({
  enabled: z.partialRecord(z.enum(SWITCHES), z.boolean()).default({}),
  guidance: z.partialRecord(z.enum(UNUSABLE_REASONS), LanguageTexts).default({}),
});

/** The analysis of a media item, and the business's analysis settings. */
export async function analysisRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  addRoute(app, {
    method: 'GET',
    url: '/api/v1/media/:id/analysis',
    summary: 'Quality, tamper and duplicate analysis of a media item (data is null until it has run)',
    tag: 'media',
    params: IdParams,
    permission: 'tickets.read',
    handler: async ({ params, principal }) => {
      await findVisibleMedia(deps.db, principal, params.id);
      return { data: (await findAnalysis(deps.db, params.id)) ?? null };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/analysis/settings',
    summary: 'Which analysers run and the re-shoot guidance wording overrides',
    tag: 'analysis',
    permission: 'settings.manage',
    handler: async () => ({ data: await loadSettings(deps.db) }),
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/analysis/settings',
    summary: 'Switch analysers on or off and set the guidance wording per reason and language',
    tag: 'analysis',
    permission: 'settings.manage',
    body: AnalysisSettingsBody,
    handler: async ({ body }) => {
      await saveSettings(deps.db, body, deps.clock.now());
      return { data: await loadSettings(deps.db) };
    },
  });
}
