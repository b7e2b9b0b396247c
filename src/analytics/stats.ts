/** Count, mean, median and 90th percentile of durations in milliseconds; null figures when empty. */
export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * The median of an even count is the mean of the two middle values; p90 is the nearest rank
 * (the smallest value with at least 90 % of the values at or below it).
 */
export function durationStats(values: readonly number[]): DurationStats {
  if (values.length === 0) {
    return { count: 0, mean: null, median: null, p90: null };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const sum = sorted.reduce((total, v) => total + v, 0);
  return { count: n, mean: sum / n, median, p90: sorted[Math.ceil(0.9 * n) - 1]! };
}

/** `part / whole`, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
