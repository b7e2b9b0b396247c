import type { Article } from './kb.repo.ts';
import type { ArticleTranslation } from './kb.schemas.ts';
import type { Category } from './knowledge.types.ts';
import { tokenize } from './tokenize.ts';

export interface SuggestionQuery {
  text: string;
  category: Category | null;
  categoryConfidence: number;
  /** Error codes and exception names found in the ticket (upper case). */
  codes: readonly string[];
}

export interface Suggestion {
  article: Article;
  /** BM25 plus boosts (for ordering). */
  score: number;
  /** 0..1: how sure the match is (an exact error code counts most). */
  confidence: number;
  matchedCodes: string[];
  categoryMatch: boolean;
}

const K1 = 1.2;
const B = 0.75;
const CODE_BOOST = 6;
const CATEGORY_BOOST = 2;

/** The words an article is found by: every translation's title and steps, keywords twice, its codes. */
function documentOf(article: Article): string[] {
  const text = article.translations.map((t) => `${t.title} ${t.steps.join(' ')}`).join(' ');
  const keywords = article.keywords.join(' ');
  return tokenize(`${text} ${keywords} ${keywords} ${article.errorCodes.join(' ')}`);
}

/**
 * Ranks articles for a ticket: BM25 over the ticket's text (messages, captions, OCR, transcripts), plus a
 * boost for each error code the article lists that the ticket shows, and one for its category (weighted
 * by the category's confidence). Articles that match nothing are left out.
 */
export function rankArticles(articles: readonly Article[], query: SuggestionQuery, limit = 5): Suggestion[] {
  const docs = articles.map((article) => {
    const tokens = documentOf(article);
    const tf = new Map<string, number>();
    for (const token of tokens) {
      tf.set(token, (tf.get(token) ?? 0) + 1);
    }
    return { article, tf, length: tokens.length };
  });
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  const terms = [...new Set(tokenize(query.text))];
  const idf = new Map(
    terms.map((term) => {
      const n = docs.filter((d) => d.tf.has(term)).length;
      return [term, Math.log(1 + (docs.length - n + 0.5) / (n + 0.5))];
    }),
  );
  const codes = new Set(query.codes.map((code) => code.toUpperCase()));
  return docs
    .map(({ article, tf, length }) => {
      let bm25 = 0;
      for (const term of terms) {
        const f = tf.get(term) ?? 0;
        if (f > 0) {
          bm25 +=
            (idf.get(term) ?? 0) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / (avgLength || 1))));
        }
      }
      const matchedCodes = article.errorCodes.filter((code) => codes.has(code.toUpperCase()));
      const categoryMatch =
        query.category !== null && query.category !== 'other' && article.category === query.category;
      const score =
        bm25 +
        CODE_BOOST * matchedCodes.length +
        (categoryMatch ? CATEGORY_BOOST * query.categoryConfidence : 0);
      const confidence =
        (matchedCodes.length > 0 ? 0.6 : 0) +
        (categoryMatch ? 0.3 * query.categoryConfidence : 0) +
        0.3 * (bm25 / (bm25 + 3));
      return {
        article,
        score: round(score),
        confidence: round(Math.min(1, confidence)),
        matchedCodes,
        categoryMatch,
      };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The translation in the first of `languages` the article has, else English, else its first one. */
export function pickTranslation(article: Article, languages: readonly (string | null)[]): ArticleTranslation {
  for (const language of [...languages, 'en']) {
    const found = article.translations.find((t) => t.language === language);
    if (found) {
      return found;
    }
  }
  return article.translations[0]!;
}

/** The article as a WhatsApp message: bold title, numbered steps. */
export function formatArticle(translation: ArticleTranslation): string {
  return [`*${translation.title}*`, ...translation.steps.map((step, i) => `${i + 1}. ${step}`)].join('\n');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
