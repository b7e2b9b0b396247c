import type { Kysely } from 'kysely';
import type { EventBus } from '../events/index.ts';
import { AppError, type Logger } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { type Categorizer, createCategorizer } from './categorizer.ts';
import { type CategoryRule, loadDefaultRules } from './category-data.ts';
import { listArticles } from './kb.repo.ts';
import { formatArticle, pickTranslation, rankArticles, type Suggestion } from './kb.search.ts';
import { loadKnowledgeSettings } from './knowledge.settings.ts';
import type { Category, CategoryVerdict } from './knowledge.types.ts';
import { collectTicketText } from './media-texts.repo.ts';
import type { NaiveBayes } from './naive-bayes.ts';
import { errorCodesOf, extractSignals, type Signal } from './signals.ts';

/** Sends a text to the customer as the bot, through the outbound path (idempotent per key). */
export type BotSender = (input: { ticketId: string; text: string; idempotencyKey: string }) => Promise<void>;

export interface TicketSuggestions {
  category: Category | null;
  categoryConfidence: number | null;
  signals: Signal[];
  language: string | null;
  suggestions: Suggestion[];
}

export function createKnowledgeService(deps: {
  db: Kysely<Database>;
  events: EventBus;
  model: NaiveBayes<Category>;
  sendBotText: BotSender;
  logger: Logger;
}) {
  const { db } = deps;
  const defaultRules = loadDefaultRules();
  let cached: { key: string; categorizer: Categorizer } | undefined;

  /** The categorizer for the business's rules (rebuilt only when they change). */
  function categorizerFor(rules: readonly CategoryRule[] | null): Categorizer {
    const key = rules ? JSON.stringify(rules) : 'default';
    if (cached?.key !== key) {
      cached = { key, categorizer: createCategorizer({ rules: rules ?? defaultRules, model: deps.model }) };
    }
    return cached.categorizer;
  }

  async function ticketContext(ticketId: string) {
    const row = await db
      .selectFrom('tickets')
      .innerJoin('contacts', 'contacts.id', 'tickets.contact_id')
      .select([
        'tickets.category',
        'tickets.category_confidence',
        'tickets.language as ticketLanguage',
        'contacts.language as contactLanguage',
      ])
      .where('tickets.id', '=', ticketId)
      .executeTakeFirst();
    if (!row) {
      throw new AppError('not_found', 'ticket.not_found', `No ticket ${ticketId}.`);
    }
    return row;
  }

  /** Sorts the ticket from everything the customer said and showed; stores category and confidence. */
  async function categorizeTicket(ticketId: string): Promise<CategoryVerdict | undefined> {
    const text = await collectTicketText(db, ticketId);
    if (!text.trim()) {
      return undefined;
    }
    const settings = await loadKnowledgeSettings(db);
    const verdict = categorizerFor(settings.rules).categorize(text);
    await db
      .updateTable('tickets')
      .set({ category: verdict.category, category_confidence: verdict.confidence })
      .where('id', '=', ticketId)
      .execute();
    await deps.events.publish([{ type: 'ticket.updated', ticketId }]);
    return verdict;
  }

  /** The best articles for the ticket, with the signals and category they were ranked by. */
  async function suggest(ticketId: string): Promise<TicketSuggestions> {
    const ticket = await ticketContext(ticketId);
    const text = await collectTicketText(db, ticketId);
    const signals = extractSignals(text);
    const category = (ticket.category as Category | null) ?? null;
    const categoryConfidence =
      ticket.category_confidence === null ? null : Number(ticket.category_confidence);
    const suggestions = rankArticles(await listArticles(db), {
      text,
      category,
      categoryConfidence: categoryConfidence ?? 0,
      codes: errorCodesOf(signals),
    });
    return {
      category,
      categoryConfidence,
      signals,
      language: ticket.contactLanguage ?? ticket.ticketLanguage,
      suggestions,
    };
  }

  /** The article as a reply in the customer's language (else English, else its first translation). */
  async function articleText(ticketId: string, articleId: string): Promise<string> {
    const ticket = await ticketContext(ticketId);
    const article = (await listArticles(db, { id: articleId }))[0];
    if (!article) {
      throw new AppError('not_found', 'kb.article_not_found', `No article ${articleId}.`);
    }
    return formatArticle(pickTranslation(article, [ticket.contactLanguage, ticket.ticketLanguage]));
  }

  /** Whether the ticket already has this text as a reply (an agent sent the article by hand). */
  async function wasSent(ticketId: string, text: string): Promise<boolean> {
    const row = await db
      .selectFrom('messages')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('direction', '=', 'outbound')
      .where('body', '=', text)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Categorizes, then lets the bot send the best article when it is sure enough (once per article). */
  async function analyseTicket(ticketId: string): Promise<void> {
    await categorizeTicket(ticketId);
    const threshold = (await loadKnowledgeSettings(db)).autoSendThreshold;
    if (threshold === null) {
      return;
    }
    const best = (await suggest(ticketId)).suggestions[0];
    if (!best || best.confidence < threshold) {
      return;
    }
    const text = await articleText(ticketId, best.article.id);
    if (await wasSent(ticketId, text)) {
      return;
    }
    await deps
      .sendBotText({ ticketId, text, idempotencyKey: `kb-auto:${ticketId}:${best.article.id}` })
      .catch((error: unknown) => {
        // A closed ticket or a closed 24-hour window: the agent still sees the suggestion.
        if (!(error instanceof AppError)) {
          throw error;
        }
        deps.logger.info({ ticketId, reason: error.reason }, 'article not sent automatically');
      });
  }

  return { categorizeTicket, suggest, articleText, analyseTicket };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
