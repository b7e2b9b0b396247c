import { addToHistogram, type Histogram, percentile } from './buckets.ts';

/** Count, mean, median and 90th percentile of durations in milliseconds; null figures when empty. */
export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** What durations add up to: count and sum (exact mean) and a histogram (percentiles within 2.5 %). */
export interface DurationTotals {
  count: number;
  sum: number;
  histogram: Histogram;
}

export const emptyDuration = (): DurationTotals => ({ count: 0, sum: 0, histogram: new Map() });

export function addDuration(into: DurationTotals, from: DurationTotals): void {
  into.count += from.count;
  into.sum += from.sum;
  addToHistogram(into.histogram, from.histogram);
}

/** Median and p90 are nearest-rank percentiles read from the histogram. */
export function durationStats(totals: DurationTotals): DurationStats {
  return {
    count: totals.count,
    mean: totals.count === 0 ? null : totals.sum / totals.count,
    median: percentile(totals.histogram, 0.5),
    p90: percentile(totals.histogram, 0.9),
  };
}

/** `part / whole`, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
