import { DIMENSIONS, type Dimension, type Period } from './analytics.types.ts';
import { addTotals, emptyTotals, type KpiSummary, type KpiTotals, summarise } from './kpis.ts';
import type { Grouping } from './report.repo.ts';
import { monthStart } from './rollup.ts';

export type BreakdownKey = Dimension | Period;

export interface BreakdownRow {
  /** The group's value (a team id, 'L2', '2026-03-02'…); null for tickets without one. */
  key: string | null;
  kpis: KpiSummary;
}

const DAY_MS = 86_400_000;

/** The UTC calendar bucket of an epoch day: '2026-03-02' for day and week (its Monday), '2026-03' for month. */
export function periodKey(epochDay: number, period: Period): string {
  const iso = (day: number) => new Date(day * DAY_MS).toISOString();
  switch (period) {
    case 'day':
      return iso(epochDay).slice(0, 10);
    case 'week':
      // Epoch day 0 was a Thursday, three days after a Monday.
      return iso(epochDay - ((epochDay + 3) % 7)).slice(0, 10);
    case 'month':
      return iso(epochDay).slice(0, 7);
  }
}

export function isDimension(key: BreakdownKey): key is Dimension {
  return (DIMENSIONS as readonly string[]).includes(key);
}

export function groupingFor(key: BreakdownKey): Grouping {
  return isDimension(key) ? key : key === 'month' ? 'month' : 'day';
}

/** Turns per-group totals into rows (days merged into weeks or months), in key order with nulls last. */
export function toBreakdownRows(groups: Map<string | null, KpiTotals>, by: BreakdownKey): BreakdownRow[] {
  const merged = new Map<string | null, KpiTotals>();
  for (const [key, totals] of groups) {
    const rowKey =
      isDimension(by) || key === null
        ? key
        : by === 'month'
          ? new Date(monthStart(Number(key))).toISOString().slice(0, 7)
          : periodKey(Number(key), by);
    const into = merged.get(rowKey) ?? emptyTotals();
    addTotals(into, totals);
    merged.set(rowKey, into);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([key, totals]) => ({ key, kpis: summarise(totals) }));
}
