/**
 * Canned replies in the composer: the `/word` being typed at the caret, the replies it matches, and the
 * body with its placeholders filled from the ticket. Pure, so it is tested without rendering.
 */
import type { CannedReply } from '../../lib/types';
import { isTemplateInLanguage } from './template-fill';

export interface CannedToken {
  /** Index of the `/` in the draft. */
  start: number;
  /** What follows the `/`, up to the caret. */
  query: string;
}

/** The `/shortcut` the caret is at the end of, when `/` starts a word. */
export function findCannedToken(draft: string, caret: number): CannedToken | null {
  const match = /(?:^|\s)\/([\w-]*)$/.exec(draft.slice(0, caret));
  if (!match) {
    return null;
  }
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

const MAX_SUGGESTIONS = 8;

/** Shortcuts starting with the query first, then titles containing it; the ticket's language before others. */
export function matchCannedReplies(
  replies: readonly CannedReply[],
  query: string,
  language: string | null,
): CannedReply[] {
  const rank = (reply: CannedReply) =>
    (reply.shortcut.startsWith(query) ? 0 : 2) +
    (reply.language === null || isTemplateInLanguage(reply.language, language) ? 0 : 1);
  return replies
    .filter((reply) => reply.shortcut.startsWith(query) || reply.title.toLowerCase().includes(query))
    .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut))
    .slice(0, MAX_SUGGESTIONS);
}

export interface CannedValues {
  'contact.name': string | null;
  'agent.name': string | null;
  'ticket.number': number;
}

/**
 * Fills {{contact.name}}, {{agent.name}} and {{ticket.number}}; a value the ticket lacks (a contact without
 * a name) becomes empty, an unknown placeholder stays as written.
 */
export function fillCannedReply(body: string, values: CannedValues): string {
  return body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => {
    const value = values[name as keyof CannedValues];
    return value === undefined || value === null ? (name in values ? '' : whole) : String(value);
  });
}

/** The draft with the token replaced by the reply, and where the caret goes. */
export function insertCannedReply(
  draft: string,
  token: CannedToken,
  text: string,
): { draft: string; caret: number } {
  const end = token.start + 1 + token.query.length;
  return { draft: draft.slice(0, token.start) + text + draft.slice(end), caret: token.start + text.length };
}
