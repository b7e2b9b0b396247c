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
