import { request } from '../../lib/api-client';
import type { Message } from '../../lib/types';

export const CATEGORIES = [
  'damaged_in_transit',
  'defective_product',
  'payment_failed',
  'login_account',
  'app_error',
  'installation',
  'leak_water_damage',
  'other',
] as const;
export const KB_LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

export interface Signal {
  kind: 'error_code' | 'exception' | 'amount' | 'date' | 'reference' | 'card' | 'iban';
  value: string;
  start: number;
  end: number;
}

export interface MediaText {
  mediaId: string;
  messageId: string | null;
  kind: 'ocr' | 'transcript';
  state: 'done' | 'empty' | 'no_engine' | 'failed';
  engine: string | null;
  language: string | null;
  text: string | null;
  signals: Signal[];
  confidence: number | null;
  durationMs: number | null;
  reason: string | null;
}

export interface Suggestion {
  articleId: string;
  category: string;
  language: string;
  title: string;
  steps: string[];
  score: number;
  confidence: number;
  matchedCodes: string[];
  categoryMatch: boolean;
}

export interface Suggestions {
  category: string | null;
  categoryConfidence: number | null;
  signals: { kind: Signal['kind']; value: string }[];
  data: Suggestion[];
}

export interface ArticleTranslation {
  language: KbLanguage;
  title: string;
  steps: string[];
}

export interface ArticleInput {
  category: string;
  keywords: string[];
  errorCodes: string[];
  translations: ArticleTranslation[];
}

export interface Article extends ArticleInput {
  id: string;
  updatedAt: number;
}

export const knowledgeKeys = {
  suggestions: (ticketId: string) => ['knowledge', 'suggestions', ticketId] as const,
  mediaTexts: (ticketId: string) => ['knowledge', 'media-texts', ticketId] as const,
  articles: ['knowledge', 'articles'] as const,
};

export const fetchSuggestions = (ticketId: string, signal?: AbortSignal) =>
  request<Suggestions>(`/api/v1/tickets/${ticketId}/suggestions`, { signal });

export const fetchMediaTexts = async (ticketId: string, signal?: AbortSignal) =>
  (await request<{ data: MediaText[] }>(`/api/v1/tickets/${ticketId}/media-texts`, { signal })).data;

export const sendArticle = async (ticketId: string, articleId: string, idempotencyKey: string) =>
  (
    await request<{ data: Message }>(`/api/v1/tickets/${ticketId}/suggestions/${articleId}/send`, {
      method: 'POST',
      body: { idempotencyKey },
    })
  ).data;

export const fetchArticles = async (signal?: AbortSignal) =>
  (await request<{ data: Article[] }>('/api/v1/kb/articles', { signal })).data;

export const saveArticle = async (id: string | null, input: ArticleInput) =>
  (
    await request<{ data: Article }>(id ? `/api/v1/kb/articles/${id}` : '/api/v1/kb/articles', {
      method: id ? 'PUT' : 'POST',
      body: input,
    })
  ).data;

export const deleteArticle = (id: string) => request<void>(`/api/v1/kb/articles/${id}`, { method: 'DELETE' });
