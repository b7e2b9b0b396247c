import type { BusinessCalendar } from './calendar.ts';

/** The clock part of a timer row: working time consumed, and the running stretch if any. */
export interface TimerClock {
  targetMs: number;
  consumedMs: number;
  runningSince: number | null;
  pausedAt: number | null;
  pausedMs: number;
}

export interface Deadlines {
  dueAt: number;
  /** Null when the policy has no warning. */
  warnAt: number | null;
}

/** When a running timer breaches and when it warns (a warning already overdue fires at once). */
export function deadlinesOf(
  timer: Pick<TimerClock, 'targetMs' | 'consumedMs'>,
  runningSince: number,
  warnShare: number | null,
  calendar: BusinessCalendar,
): Deadlines {
  const dueAt = calendar.addBusinessTime(runningSince, timer.targetMs - timer.consumedMs);
  if (warnShare === null) {
    return { dueAt, warnAt: null };
  }
  const warnMs = Math.round(timer.targetMs * warnShare);
  return { dueAt, warnAt: calendar.addBusinessTime(runningSince, Math.max(0, warnMs - timer.consumedMs)) };
}

/** Pausing banks the working time of the stretch that ends now. */
export function pauseClock(timer: TimerClock, now: number, calendar: BusinessCalendar): TimerClock {
  if (timer.runningSince === null) {
    return timer;
  }
  return {
    ...timer,
    consumedMs: timer.consumedMs + calendar.businessTimeBetween(timer.runningSince, now),
    runningSince: null,
    pausedAt: now,
  };
}

/** Resuming starts a new stretch; the pause's wall-clock length is kept for reports. */
export function resumeClock(timer: TimerClock, now: number): TimerClock {
  if (timer.runningSince !== null) {
    return timer;
  }
  return {
    ...timer,
    runningSince: now,
    pausedAt: null,
    pausedMs: timer.pausedMs + (timer.pausedAt === null ? 0 : Math.max(0, now - timer.pausedAt)),
  };
}
