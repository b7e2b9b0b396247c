/**
 * Fixed log-spaced histogram buckets for durations: bucket 0 holds 0 ms, bucket b ≥ 1 holds
 * [1.05^(b−1), 1.05^b) ms, so 400 days fit in about 500 buckets and a percentile read from a bucket
 * (its geometric middle) is within 2.5 % of the exact value.
 */
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

export function bucketOf(ms: number): number {
  return ms < 1 ? 0 : Math.floor(Math.log(ms) / LOG_GROWTH) + 1;
}

export function bucketValue(bucket: number): number {
  return bucket === 0 ? 0 : GROWTH ** (bucket - 0.5);
}

/** Counts per bucket. */
export type Histogram = Map<number, number>;

export function addToHistogram(into: Histogram, from: Histogram): void {
  for (const [bucket, n] of from) {
    into.set(bucket, (into.get(bucket) ?? 0) + n);
  }
}

/** The nearest-rank percentile (q in (0, 1]) of a histogram, or null when it is empty. */
export function percentile(histogram: Histogram, q: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    return null;
  }
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) {
      return Math.round(bucketValue(bucket));
    }
  }
  return null;
}
