import type { Range } from './analytics.types.ts';
import { ratio } from './stats.ts';

export interface PresenceChange {
  presence: string;
  at: number;
}

export interface AgentTime {
  onlineMs: number;
  awayMs: number;
  /** Online with at least one ticket in hand. */
  busyMs: number;
  /** busy ÷ online. */
  occupancy: number | null;
  /** Mean number of tickets in hand while online. */
  averageLoad: number | null;
  /** averageLoad ÷ the agent's concurrent-chat capacity. */
  utilisation: number | null;
}

/**
 * Sweeps one agent's presence changes (oldest first; the last change before the range gives the state
 * at its start) and the intervals during which they had tickets in hand, over the range.
 */
export function measureAgentTime(
  presence: readonly PresenceChange[],
  handling: readonly Range[],
  range: Range,
  capacity: number,
): AgentTime {
  const edges: { at: number; presence?: string; load?: number }[] = [];
  for (const change of presence) {
    edges.push({ at: Math.max(change.at, range.from), presence: change.presence });
  }
  for (const interval of handling) {
    const from = Math.max(interval.from, range.from);
    const to = Math.min(interval.to, range.to);
    if (from < to) {
      edges.push({ at: from, load: 1 }, { at: to, load: -1 });
    }
  }
  edges.sort((a, b) => a.at - b.at);
  let state = 'offline';
  let load = 0;
  let last = range.from;
  const totals = { onlineMs: 0, awayMs: 0, busyMs: 0, loadMs: 0 };
  const advance = (to: number) => {
    const span = Math.max(0, Math.min(to, range.to) - last);
    if (state === 'online') {
      totals.onlineMs += span;
      totals.busyMs += load > 0 ? span : 0;
      totals.loadMs += load * span;
    } else if (state === 'away') {
      totals.awayMs += span;
    }
    last = Math.max(last, Math.min(to, range.to));
  };
  for (const edge of edges) {
    advance(edge.at);
    state = edge.presence ?? state;
    load += edge.load ?? 0;
  }
  advance(range.to);
  const averageLoad = ratio(totals.loadMs, totals.onlineMs);
  return {
    onlineMs: totals.onlineMs,
    awayMs: totals.awayMs,
    busyMs: totals.busyMs,
    occupancy: ratio(totals.busyMs, totals.onlineMs),
    averageLoad,
    utilisation: averageLoad === null ? null : averageLoad / capacity,
  };
}
