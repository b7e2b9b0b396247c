/**
 * A deterministic, realistic support history written straight into the analytics fact tables: arrivals
 * follow the hour of the week (weekday office-hours peaks), the season (a December peak) and a growth
 * trend; several teams and agents, bots, reopens, repeat contacts, surveys. Messages exist as the fact
 * rows' counts (about ten per ticket), which is all the reports read.
 */
import { bucketOf } from '../../src/analytics/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const HISTORY_END = Date.UTC(2026, 10, 1);
export const HISTORY_DAYS = 400;

export const FACT_COLUMNS = [
  'ticket_id',
  'opened_at',
  'contact_id',
  'team_id',
  'agent_id',
  'channel_id',
  'tier',
  'category',
  'language',
  'segment',
  'solved',
  'closed',
  'reopened',
  'resolved',
  'fcr',
  'repeat_contact',
  'bot_resolved',
  'bot_engaged',
  'takeover',
  'frt_ms',
  'frt_bucket',
  'bot_frt_ms',
  'bot_frt_bucket',
  'resolution_ms',
  'resolution_bucket',
  'close_ms',
  'close_bucket',
  'inbound_messages',
  'agent_messages',
  'bot_messages',
  'system_messages',
] as const;
export const WAIT_COLUMNS = [
  'ticket_id',
  'seq',
  'opened_at',
  'agent_id',
  'team_id',
  'wait_ms',
  'bucket',
] as const;
export const MEDIA_COLUMNS = ['ticket_id', 'opened_at', 'kind', 'direction', 'n'] as const;
export const SURVEY_COLUMNS = [
  'id',
  'kind',
  'ticket_id',
  'contact_id',
  'agent_id',
  'team_id',
  'sent_at',
  'answered_at',
  'score',
  'comment',
] as const;
export const CONTACT_COLUMNS = ['id', 'segment', 'created_at', 'updated_at'] as const;

type Cell = string | number | null;
export interface Batch {
  facts: Cell[][];
  waits: Cell[][];
  media: Cell[][];
  surveys: Cell[][];
}

/** mulberry32: small, fast and reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Relative arrival rate of an hour: hour of day × day of week × season × trend. */
export function arrivalWeight(at: number): number {
  const date = new Date(at);
  const hour = date.getUTCHours();
  const day = (date.getUTCDay() + 6) % 7;
  const office = 0.12 + Math.exp(-((hour - 11) ** 2) / 6) + 0.8 * Math.exp(-((hour - 16) ** 2) / 5);
  const week = day < 5 ? 1 : day === 5 ? 0.55 : 0.35;
  const dayOfYear = (at - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY;
  const season = 1 + 0.25 * Math.cos((2 * Math.PI * (dayOfYear - 350)) / 365);
  const trend = 0.85 + (0.3 * (at - (HISTORY_END - HISTORY_DAYS * DAY))) / (HISTORY_DAYS * DAY);
  return office * week * season * trend;
}

export const CONTACTS = 300_000;
const TEAMS = 5;
const AGENTS_PER_TEAM = 8;
const SEGMENTS = ['consumer', 'smb', 'enterprise'];
const CATEGORIES = ['billing', 'delivery', 'returns', 'account', 'technical', 'order', 'refund', 'other'];
const LANGUAGES = ['en', 'en', 'en', 'fr', 'es', 'it', 'ar'];

export function contactRows(): Cell[][] {
  return Array.from({ length: CONTACTS }, (_, i) => [`c${i}`, SEGMENTS[i % 3]!, 0, 0]);
}

/** Yields the history in batches of about `batchSize` tickets, oldest first. */
export function* generateHistory(tickets: number, batchSize = 50_000): Generator<Batch> {
  const rand = random(42);
  const logNormal = (median: number, sigma: number) => {
    const u = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.round(median * Math.exp(sigma * z));
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const start = HISTORY_END - HISTORY_DAYS * DAY;
  const hours = HISTORY_DAYS * 24;
  const weights = Array.from({ length: hours }, (_, h) => arrivalWeight(start + h * HOUR));
  const total = weights.reduce((a, b) => a + b, 0);
  let batch: Batch = { facts: [], waits: [], media: [], surveys: [] };
  let id = 0;
  let carry = 0;
  for (let h = 0; h < hours; h += 1) {
    carry += (tickets * weights[h]!) / total;
    const count = Math.floor(carry);
    carry -= count;
    for (let k = 0; k < count; k += 1) {
      const ticketId = `t${id++}`;
      const openedAt = start + h * HOUR + Math.floor(rand() * HOUR);
      const contact = Math.floor(rand() * CONTACTS);
      const team = Math.floor(rand() * TEAMS);
      const agent = `a${team * AGENTS_PER_TEAM + Math.floor(rand() * AGENTS_PER_TEAM)}`;
      const botEngaged = rand() < 0.45;
      const botResolved = botEngaged && rand() < 0.4;
      const human = !botResolved;
      const frt = human ? logNormal(90_000, 1.2) : null;
      const botFrt = botEngaged ? 1_000 + Math.floor(rand() * 7_000) : null;
      const solved = openedAt < HISTORY_END - 2 * DAY ? rand() < 0.95 : rand() < 0.5;
      const resolution = solved ? (frt ?? 0) + logNormal(3 * HOUR, 1.5) : null;
      const closed = solved && openedAt + resolution! + 4 * DAY < HISTORY_END;
      const close = closed ? resolution! + 4 * DAY : null;
      const reopened = solved && rand() < 0.06;
      const agentMessages = human ? 1 + Math.floor(rand() * 6) : 0;
      const botMessages = botEngaged ? 1 + Math.floor(rand() * 3) : 0;
      const inbound = 10 - agentMessages - botMessages - 1 + Math.floor(rand() * 3) - 1;
      const tier = rand() < 0.7 ? 'L1' : rand() < 0.75 ? 'L2' : 'L3';
      batch.facts.push([
        ticketId,
        openedAt,
        `c${contact}`,
        `team${team}`,
        human ? agent : null,
        `ch${Math.floor(rand() * 2)}`,
        tier,
        pick(CATEGORIES),
        pick(LANGUAGES),
        SEGMENTS[contact % 3]!,
        solved ? 1 : 0,
        closed ? 1 : 0,
        reopened ? 1 : 0,
        solved ? 1 : 0,
        solved && !reopened && rand() < 0.82 ? 1 : 0,
        rand() < 0.15 ? 1 : 0,
        botResolved ? 1 : 0,
        botEngaged ? 1 : 0,
        botEngaged && human ? 1 : 0,
        frt,
        frt === null ? null : bucketOf(frt),
        botFrt,
        botFrt === null ? null : bucketOf(botFrt),
        resolution,
        resolution === null ? null : bucketOf(resolution),
        close,
        close === null ? null : bucketOf(close),
        Math.max(1, inbound),
        agentMessages,
        botMessages,
        1,
      ]);
      for (let seq = 0; seq < Math.min(3, Math.max(0, agentMessages - 1)); seq += 1) {
        const wait = logNormal(4 * 60_000, 1.3);
        batch.waits.push([
          ticketId,
          seq,
          openedAt,
          human ? agent : null,
          `team${team}`,
          wait,
          bucketOf(wait),
        ]);
      }
      if (rand() < 0.25) {
        batch.media.push([
          ticketId,
          openedAt,
          rand() < 0.8 ? 'image' : 'document',
          'inbound',
          1 + Math.floor(rand() * 2),
        ]);
      }
      if (solved && rand() < 0.6) {
        const sentAt = openedAt + resolution! + 60_000;
        const score = rand() < 0.35 ? [1, 2, 3, 4, 4, 5, 5, 5][Math.floor(rand() * 8)]! : null;
        batch.surveys.push([
          `s${ticketId}`,
          'csat',
          ticketId,
          `c${contact}`,
          human ? agent : null,
          `team${team}`,
          sentAt,
          score === null ? null : sentAt + 300_000,
          score,
          null,
        ]);
      }
      if (rand() < 0.05) {
        const sentAt = openedAt + DAY;
        const score = rand() < 0.3 ? Math.floor(rand() * 11) : null;
        batch.surveys.push([
          `n${ticketId}`,
          'nps',
          null,
          `c${contact}`,
          null,
          null,
          sentAt,
          score === null ? null : sentAt + 600_000,
          score,
          null,
        ]);
      }
      if (batch.facts.length >= batchSize) {
        yield batch;
        batch = { facts: [], waits: [], media: [], surveys: [] };
      }
    }
  }
  if (batch.facts.length > 0) {
    yield batch;
  }
}
