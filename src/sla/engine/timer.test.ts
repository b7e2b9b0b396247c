import { describe, expect, it } from 'vitest';
import { CALENDAR_TIME, compileCalendar, WEEKDAYS } from './calendar.ts';
import { deadlinesOf, pauseClock, resumeClock, type TimerClock } from './timer.ts';

const MINUTE = 60_000;
const start: TimerClock = {
  targetMs: 60 * MINUTE,
  consumedMs: 0,
  runningSince: 0,
  pausedAt: null,
  pausedMs: 0,
};

describe('timer clock', () => {
  it('banks working time on pause and moves the deadline by the pause on resume', () => {
    const paused = pauseClock(start, 20 * MINUTE, CALENDAR_TIME);
    expect(paused).toMatchObject({ consumedMs: 20 * MINUTE, runningSince: null, pausedAt: 20 * MINUTE });
    const resumed = resumeClock(paused, 200 * MINUTE);
    expect(resumed).toMatchObject({ runningSince: 200 * MINUTE, pausedMs: 180 * MINUTE, pausedAt: null });
    expect(deadlinesOf(resumed, 200 * MINUTE, 0.75, CALENDAR_TIME)).toEqual({
      dueAt: 240 * MINUTE,
      warnAt: 225 * MINUTE,
    });
  });

  it('fires an already overdue warning at once after resuming, and none when the policy has none', () => {
    const late = { ...start, consumedMs: 50 * MINUTE };
    expect(deadlinesOf(late, 0, 0.75, CALENDAR_TIME)).toEqual({ dueAt: 10 * MINUTE, warnAt: 0 });
    expect(deadlinesOf(late, 0, null, CALENDAR_TIME).warnAt).toBeNull();
  });

  it('counts only working time of the calendar while running', () => {
    const calendar = compileCalendar({
      timeZone: 'UTC',
      hours: WEEKDAYS.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:00' })),
      holidays: [],
    });
    const friday4pm = Date.parse('2026-01-09T16:00:00Z');
    // Exactly the hour left on Friday: due at the close, not on Monday morning.
    expect(new Date(deadlinesOf(start, friday4pm, null, calendar).dueAt).toISOString()).toBe(
      '2026-01-09T17:00:00.000Z',
    );
    const longer = { ...start, targetMs: 90 * MINUTE };
    expect(new Date(deadlinesOf(longer, friday4pm, null, calendar).dueAt).toISOString()).toBe(
      '2026-01-12T09:30:00.000Z',
    );
  });
});
