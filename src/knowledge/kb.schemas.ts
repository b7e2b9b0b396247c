import { z } from 'zod';
import { CATEGORIES, KB_LANGUAGES } from './knowledge.types.ts';

export const ArticleTranslationSchema = z.object({
  language: z.enum(KB_LANGUAGES),
  title: z.string().trim().min(1).max(200),
  steps: z.array(z.string().trim().min(1).max(1_000)).min(1).max(30),
});
export type ArticleTranslation = z.infer<typeof ArticleTranslationSchema>;

export const ArticleInputSchema = z.object({
  category: z.enum(CATEGORIES),
  keywords: z.array(z.string().trim().min(1).max(60)).max(40).default([]),
  errorCodes: z.array(z.string().trim().min(2).max(60)).max(30).default([]),
  translations: z
    .array(ArticleTranslationSchema)
    .min(1)
    .max(KB_LANGUAGES.length)
    .refine(
      (list) => new Set(list.map((t) => t.language)).size === list.length,
      'one translation per language',
    ),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const ArticleQuerySchema = z.object({
  category: z.enum(CATEGORIES).optional(),
});

export const SendArticleSchema = z
  .object({ idempotencyKey: z.string().min(8).max(128).optional() })
  .optional()
  .default({});

export const ArticleParams = z.object({
  id: z.string().min(1).max(64),
  articleId: z.string().min(1).max(64),
});
