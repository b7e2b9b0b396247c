const HOURS_PER_WEEK = 168;

/**
 * Hourly arrivals forecast: the shape of a week (each hour-of-week's share of the weekly volume, averaged
 * over the history) times a weekly volume that follows a least-squares linear trend through the weekly
 * totals. `history` holds whole weeks of hourly counts, oldest first, starting at the hour-of-week that
 * the forecast also starts at; the forecast continues right after it.
 */
export function forecastArrivals(history: readonly number[], hours: number): number[] {
  const weeks = Math.floor(history.length / HOURS_PER_WEEK);
  if (weeks === 0) {
    return Array<number>(hours).fill(0);
  }
  const totals = Array.from({ length: weeks }, (_, w) =>
    history.slice(w * HOURS_PER_WEEK, (w + 1) * HOURS_PER_WEEK).reduce((a, b) => a + b, 0),
  );
  const shape = Array.from({ length: HOURS_PER_WEEK }, (_, k) => {
    let sum = 0;
    for (let w = 0; w < weeks; w += 1) {
      sum += history[w * HOURS_PER_WEEK + k]!;
    }
    return sum;
  });
  const shapeTotal = shape.reduce((a, b) => a + b, 0);
  const { intercept, slope } = linearFit(totals);
  return Array.from({ length: hours }, (_, h) => {
    const week = weeks + Math.floor(h / HOURS_PER_WEEK);
    const weekly = Math.max(0, intercept + slope * week);
    return shapeTotal === 0 ? 0 : (weekly * shape[h % HOURS_PER_WEEK]!) / shapeTotal;
  });
}

/** Least squares y = intercept + slope·x over x = 0, 1, 2, … (a flat line for one point). */
export function linearFit(values: readonly number[]): { intercept: number; slope: number } {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}
