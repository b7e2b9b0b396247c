const formatters = new Map<string, Intl.DateTimeFormat>();

/** Day of week (0 = Sunday) and minutes since midnight of an instant in a time zone. */
export function localTime(at: number, timezone: string): { day: number; minutes: number } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether `at` falls in a weekly window (from ≤ time < to on one of the days; to < from spans midnight). */
export function isWithinHours(
  at: number,
  window: { timezone: string; days: readonly number[]; from: string; to: string },
): boolean {
  const { day, minutes } = localTime(at, window.timezone);
  const from = toMinutes(window.from);
  const to = toMinutes(window.to);
  if (from <= to) {
    return window.days.includes(day) && minutes >= from && minutes < to;
  }
  // An overnight window belongs to the day it starts on.
  return (
    (window.days.includes(day) && minutes >= from) || (window.days.includes((day + 6) % 7) && minutes < to)
  );
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
