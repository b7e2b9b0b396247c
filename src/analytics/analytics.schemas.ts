import { z } from 'zod';
import { DIMENSIONS, PERIODS } from './analytics.types.ts';

/** `from`/`to` in epoch milliseconds (default: the 30 days up to now); `format=csv` for a CSV export. */
export const RangeQuery = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
  teamId: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type RangeQuery = z.infer<typeof RangeQuery>;

export const BreakdownQuery = RangeQuery.extend({ by: z.enum([...DIMENSIONS, ...PERIODS]) });

export const HeatmapQuery = RangeQuery.extend({
  utcOffsetMinutes: z.coerce.number().int().min(-720).max(840).default(0),
});

/** Erlang C staffing: target service level, answer time and chat handle time; history and horizon. */
export const StaffingQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(8),
  hours: z.coerce.number().int().min(1).max(336).default(168),
  serviceLevel: z.coerce.number().gt(0).lt(1).default(0.8),
  targetSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
  handleSeconds: z.coerce.number().int().min(1).max(86_400).default(600),
  format: z.enum(['json', 'csv']).default('json'),
});
