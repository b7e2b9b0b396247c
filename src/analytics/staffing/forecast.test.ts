import { describe, expect, it } from 'vitest';
import { forecastArrivals, linearFit } from './forecast.ts';

/** A week with office hours on weekdays (8 per hour 9–17), 2 per hour at weekends' noon hours, else 1. */
function pattern(hourOfWeek: number): number {
  const day = Math.floor(hourOfWeek / 24);
  const hour = hourOfWeek % 24;
  if (day < 5) {
    return hour >= 9 && hour < 17 ? 8 : 1;
  }
  return hour >= 11 && hour < 14 ? 2 : 1;
}

describe('arrivals forecast', () => {
  it('recovers a known weekly pattern growing 5 % of the first week per week', () => {
    const weeks = 6;
    const history = Array.from(
      { length: weeks * 168 },
      (_, h) => pattern(h % 168) * (1 + 0.05 * Math.floor(h / 168)),
    );
    const forecast = forecastArrivals(history, 2 * 168);
    for (let h = 0; h < 2 * 168; h += 1) {
      expect(forecast[h]).toBeCloseTo(pattern(h % 168) * (1 + 0.05 * (weeks + Math.floor(h / 168))), 9);
    }
  });

  it('fits a straight line and stays flat on one week, at zero with no history', () => {
    expect(linearFit([3, 5, 7, 9])).toEqual({ intercept: 3, slope: 2 });
    const week = Array.from({ length: 168 }, (_, h) => pattern(h));
    expect(forecastArrivals(week, 168)).toEqual(week);
    expect(forecastArrivals([], 3)).toEqual([0, 0, 0]);
  });
});
