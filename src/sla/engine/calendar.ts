import { AppError } from '../../kernel/index.ts';
import { changeIndexAt, offsetOfChange, readZoneOffsets, type ZoneOffsets } from './zone.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One block of working time on a weekday, in the calendar's wall-clock time ('09:00'–'12:30'; end may be '24:00'). */
export interface WorkingHours {
  day: Weekday;
  start: string;
  end: string;
}

export interface CalendarSpec {
  /** IANA zone, e.g. Europe/Paris. */
  timeZone: string;
  hours: readonly WorkingHours[];
  /** Whole local days off, 'YYYY-MM-DD'. */
  holidays: readonly string[];
}

/** Durations measured in working time only. Both operations cost O(log n) whatever the span. */
export interface BusinessCalendar {
  /** The instant at which `ms` of working time, counted from `start`, have elapsed. */
  addBusinessTime(start: number, ms: number): number;
  /** Working time between two instants (0 when b ≤ a). */
  businessTimeBetween(a: number, b: number): number;
}

/** Plain elapsed time, for targets in calendar hours. */
export const CALENDAR_TIME: BusinessCalendar = {
  addBusinessTime: (start, ms) => start + Math.max(0, ms),
  businessTimeBetween: (a, b) => Math.max(0, b - a),
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday: shifting by three days makes local week 0 start on a Monday. */
const MONDAY_SHIFT = 3 * DAY;

export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** The local day number of 'YYYY-MM-DD' (days since 1970-01-01). */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.floor(Date.UTC(year!, month! - 1, day!) / DAY);
}

/**
 * Working time is a function W(t) of the instant: cumulative working milliseconds since the epoch.
 * Everything else is arithmetic on it. In wall-clock terms, W is periodic by the week (whole weeks are
 * multiplied, the partial week looked up in the week's intervals), minus the holidays before (sorted, with
 * prefix sums), plus, for each DST change before, the working wall-time the change skipped or repeated
 * (prefix sums again). Hence no loop over days: a duration across three years costs what one day does.
 */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const week = compileWeek(spec.hours);
  if (week.total === 0) {
    throw new AppError('invalid_input', 'sla.calendar_no_working_hours', 'A calendar needs working hours.', {
      details: { field: 'hours' },
    });
  }
  const holidays = compileHolidays(spec.holidays, week);
  const wallWork = (wall: number) => week.before(wall) - holidays.before(wall, week);
  const zone = readZoneOffsets(spec.timeZone);
  const corrections = compileCorrections(zone, wallWork);

  const realWork = (utc: number, index = changeIndexAt(zone, utc)) =>
    wallWork(utc + offsetOfChange(zone, index)) + (index < 0 ? 0 : corrections[index]!);

  function addBusinessTime(start: number, ms: number): number {
    if (ms <= 0) {
      return start;
    }
    const target = realWork(start) + ms;
    // The last offset segment whose beginning is still short of the target holds the answer.
    let low = changeIndexAt(zone, start);
    let high = zone.changes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (realWork(zone.changes[middle]!.at, middle) < target) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    const correction = low < 0 ? 0 : corrections[low]!;
    return invertWall(target - correction, week, holidays) - offsetOfChange(zone, low);
  }

  return {
    addBusinessTime,
    businessTimeBetween: (a, b) => (b <= a ? 0 : realWork(b) - realWork(a)),
  };
}

interface Week {
  starts: number[];
  ends: number[];
  /** Working time of the week before interval i. */
  cumulative: number[];
  total: number;
  perDay: number[];
  /** Working wall-time from the epoch to a local wall instant, holidays ignored. */
  before(wall: number): number;
}

function compileWeek(hours: readonly WorkingHours[]): Week {
  const raw = hours
    .map((h) => {
      const day = WEEKDAYS.indexOf(h.day) * DAY;
      return [day + minutesOfDay(h.start) * MINUTE, day + minutesOfDay(h.end) * MINUTE] as const;
    })
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of raw) {
    if (ends.length > 0 && start <= ends.at(-1)!) {
      ends[ends.length - 1] = Math.max(ends.at(-1)!, end);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  const cumulative: number[] = [];
  const perDay = [0, 0, 0, 0, 0, 0, 0];
  let total = 0;
  starts.forEach((start, i) => {
    cumulative.push(total);
    total += ends[i]! - start;
    perDay[Math.floor(start / DAY)]! += ends[i]! - start;
  });
  const within = (offset: number) => {
    const i = lastAtOrBefore(starts, offset);
    return i < 0 ? 0 : cumulative[i]! + Math.min(offset - starts[i]!, ends[i]! - starts[i]!);
  };
  return {
    starts,
    ends,
    cumulative,
    total,
    perDay,
    before(wall) {
      const shifted = wall + MONDAY_SHIFT;
      const weeks = Math.floor(shifted / WEEK);
      return weeks * total + within(shifted - weeks * WEEK);
    },
  };
}

interface Holidays {
  /** Local midnight (wall ms) of each holiday that falls on a working day, ascending. */
  starts: number[];
  /** Working time of the first k holidays. */
  prefix: number[];
  before(wall: number, week: Week): number;
}

function compileHolidays(dates: readonly string[], week: Week): Holidays {
  const days = [...new Set(dates.map(dayNumber))].sort((a, b) => a - b);
  const starts: number[] = [];
  const prefix = [0];
  for (const day of days) {
    const work = week.perDay[(((day + 3) % 7) + 7) % 7]!;
    if (work > 0) {
      starts.push(day * DAY);
      prefix.push(prefix.at(-1)! + work);
    }
  }
  return {
    starts,
    prefix,
    before(wall, w) {
      const i = lastAtOrBefore(starts, wall);
      if (i < 0) {
        return 0;
      }
      const start = starts[i]!;
      return wall < start + DAY ? prefix[i]! + w.before(wall) - w.before(start) : prefix[i + 1]!;
    },
  };
}

/** Per offset change: the working wall-time it skipped (spring forward, negative) or repeated (fall back). */
function compileCorrections(zone: ZoneOffsets, wallWork: (wall: number) => number): number[] {
  const corrections: number[] = [];
  let sum = 0;
  zone.changes.forEach((change, i) => {
    const before = offsetOfChange(zone, i - 1);
    sum += wallWork(change.at + before) - wallWork(change.at + change.offset);
    corrections.push(sum);
  });
  return corrections;
}

/** The first local wall instant at which cumulative working wall-time reaches `target`. */
function invertWall(target: number, week: Week, holidays: Holidays): number {
  // Count the holidays wholly before the answer: those whose end is still short of the target.
  let low = 0;
  let high = holidays.starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const end = holidays.starts[middle]! + DAY;
    if (week.before(end) - holidays.prefix[middle + 1]! < target) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return invertWeek(target + holidays.prefix[low]!, week);
}

function invertWeek(target: number, week: Week): number {
  const weeks = Math.ceil(target / week.total) - 1;
  const rest = target - weeks * week.total;
  let i = 0;
  while (week.cumulative[i]! + (week.ends[i]! - week.starts[i]!) < rest) {
    i += 1;
  }
  return weeks * WEEK + week.starts[i]! + (rest - week.cumulative[i]!) - MONDAY_SHIFT;
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low - 1;
}
