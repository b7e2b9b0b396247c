import type { BadgeTone } from '../../ui/Badge';
import type { SlaTimer } from './api';

export type SlaView = 'breached' | 'at-risk' | 'running' | 'paused';

export interface SlaBadgeState {
  timer: SlaTimer;
  view: SlaView;
  tone: BadgeTone;
  /** Time left (negative: overdue). */
  ms: number;
}

const TONES: Record<SlaView, BadgeTone> = {
  breached: 'danger',
  'at-risk': 'warning',
  running: 'info',
  paused: 'outline',
};

/** The state a running timer shows at `now`: colours change on time, without waiting for the server. */
export function badgeStateOf(timer: SlaTimer, now: number): SlaBadgeState {
  if (timer.state === 'paused') {
    return { timer, view: 'paused', tone: TONES.paused, ms: timer.remainingMs ?? 0 };
  }
  const ms = (timer.dueAt ?? now) - now;
  const view: SlaView =
    timer.state === 'breached' || ms <= 0
      ? 'breached'
      : timer.warnAt !== null && now >= timer.warnAt
        ? 'at-risk'
        : 'running';
  return { timer, view, tone: TONES[view], ms };
}

/** The most urgent of a ticket's running timers: the soonest (or longest overdue) due time; paused last. */
export function mostUrgent(timers: readonly SlaTimer[], now: number): SlaBadgeState | null {
  const states = timers.filter((t) => t.stoppedAt === null).map((t) => badgeStateOf(t, now));
  const rank = (s: SlaBadgeState) => (s.view === 'paused' ? Number.MAX_SAFE_INTEGER : s.ms);
  return states.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
