import { describe, expect, it } from 'vitest';
import { type CalendarSpec, compileCalendar, WEEKDAYS, type WorkingHours } from './calendar.ts';
import { isTimeZone } from './zone.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const officeHours = (start = '09:00', end = '17:00'): WorkingHours[] =>
  WEEKDAYS.slice(0, 5).map((day) => ({ day, start, end }));

const paris = (overrides: Partial<CalendarSpec> = {}) =>
  compileCalendar({ timeZone: 'Europe/Paris', hours: officeHours(), holidays: [], ...overrides });

/** Minute-by-minute reference: is this UTC minute working time in the zone? */
function referenceWorking(spec: CalendarSpec) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: spec.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (utc: number) => {
    const p = Object.fromEntries(format.formatToParts(utc).map((x) => [x.type, x.value]));
    const day = p.weekday!.toLowerCase().slice(0, 3);
    if (spec.holidays.includes(`${p.year}-${p.month}-${p.day}`)) {
      return false;
    }
    const minute = Number(p.hour) * 60 + Number(p.minute);
    return spec.hours.some((h) => {
      const [sh, sm] = h.start.split(':').map(Number);
      const [eh, em] = h.end.split(':').map(Number);
      return h.day === day && minute >= sh! * 60 + sm! && minute < eh! * 60 + em!;
    });
  };
}

function referenceBetween(spec: CalendarSpec, a: number, b: number): number {
  const working = referenceWorking(spec);
  let total = 0;
  for (let t = a; t < b; t += MINUTE) {
    total += working(t) ? MINUTE : 0;
  }
  return total;
}

describe('business-hours calendar', () => {
  it.each([
    ['within one day', '2026-03-02T09:00:00Z', 2 * HOUR, '2026-03-02T11:00:00Z'],
    ['over a night', '2026-03-02T15:00:00Z', 4 * HOUR, '2026-03-03T11:00:00Z'],
    ['over a weekend (Friday 15:00 → Monday)', '2026-03-06T14:00:00Z', 4 * HOUR, '2026-03-09T10:00:00Z'],
    ['from outside hours (Saturday)', '2026-03-07T12:00:00Z', 1 * HOUR, '2026-03-09T09:00:00Z'],
    ['exactly one working week', '2026-03-02T08:00:00Z', 40 * HOUR, '2026-03-06T16:00:00Z'],
  ])('adds working time %s', (_name, start, ms, due) => {
    // Paris is UTC+1 in early March.
    expect(new Date(paris().addBusinessTime(Date.parse(start), ms)).toISOString()).toBe(
      new Date(Date.parse(due)).toISOString(),
    );
  });

  it('skips a holiday (Easter Monday 2026 in France)', () => {
    const calendar = paris({ holidays: ['2026-04-06'] });
    // Friday 3 April 16:00 local (+2) + 2 h → Tuesday 7 April 10:00 local.
    const due = calendar.addBusinessTime(Date.parse('2026-04-03T14:00:00Z'), 2 * HOUR);
    expect(new Date(due).toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect(
      calendar.businessTimeBetween(Date.parse('2026-04-03T14:00:00Z'), Date.parse('2026-04-07T08:00:00Z')),
    ).toBe(2 * HOUR);
  });

  it('counts a 24-hour schedule as 23 h on the spring-forward day and 25 h on the fall-back day', () => {
    const allDay = compileCalendar({
      timeZone: 'Europe/Paris',
      hours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    });
    const spring = allDay.businessTimeBetween(
      Date.parse('2026-03-28T23:00:00Z'),
      Date.parse('2026-03-29T22:00:00Z'),
    );
    expect(spring).toBe(23 * HOUR);
    expect(
      allDay.businessTimeBetween(Date.parse('2026-10-24T22:00:00Z'), Date.parse('2026-10-25T23:00:00Z')),
    ).toBe(25 * HOUR);
    // Adding real time across a DST change gives back the real instant.
    const start = Date.parse('2026-10-24T20:00:00Z');
    expect(allDay.addBusinessTime(start, 30 * HOUR)).toBe(start + 30 * HOUR);
  });

  it.each([
    ['Europe/Paris spring forward', 'Europe/Paris', '2026-03-27T06:00:00Z', 5],
    ['Europe/Paris fall back', 'Europe/Paris', '2026-10-23T06:00:00Z', 5],
    ['America/New_York spring forward', 'America/New_York', '2026-03-06T10:00:00Z', 5],
    ['America/New_York fall back', 'America/New_York', '2026-10-30T10:00:00Z', 5],
  ])('matches a minute-by-minute count across the %s', (_name, timeZone, from, days) => {
    // Night shift across the 02:00–03:00 change, plus split day shifts with a lunch break.
    const spec: CalendarSpec = {
      timeZone,
      hours: WEEKDAYS.flatMap((day) => [
        { day, start: '01:30', end: '03:30' },
        { day, start: '09:00', end: '12:00' },
        { day, start: '13:00', end: '17:30' },
      ]),
      holidays: [],
    };
    const calendar = compileCalendar(spec);
    const a = Date.parse(from);
    const b = a + days * 24 * HOUR;
    const expected = referenceBetween(spec, a, b);
    expect(calendar.businessTimeBetween(a, b)).toBe(expected);
    // And the inverse lands where that much working time has elapsed.
    const due = calendar.addBusinessTime(a, expected);
    expect(calendar.businessTimeBetween(a, due)).toBe(expected);
    expect(referenceWorking(spec)(due - MINUTE)).toBe(true);
  });

  it('agrees with the reference at random instants over a month with holidays', () => {
    const spec: CalendarSpec = {
      timeZone: 'America/New_York',
      hours: officeHours('08:30', '18:00'),
      holidays: ['2026-11-26', '2026-11-27'],
    };
    const calendar = compileCalendar(spec);
    const start = Date.parse('2026-10-28T00:00:00Z');
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let i = 0; i < 5; i += 1) {
      const a = start + Math.floor(random() * 10 * 24 * 60) * MINUTE;
      const b = a + Math.floor(random() * 25 * 24 * 60) * MINUTE;
      const between = calendar.businessTimeBetween(a, b);
      expect(between).toBe(referenceBetween(spec, a, b));
      expect(calendar.businessTimeBetween(a, calendar.addBusinessTime(a, between))).toBe(between);
    }
  });

  it('spans three years with the same arithmetic (holidays, DST) and stays exact', () => {
    const calendar = paris({ holidays: ['2026-12-25', '2027-12-24', '2028-05-01'] });
    const a = Date.parse('2026-01-05T08:00:00Z');
    const due = calendar.addBusinessTime(a, 3 * 52 * 40 * HOUR);
    expect(calendar.businessTimeBetween(a, due)).toBe(3 * 52 * 40 * HOUR);
    expect(due - a).toBeGreaterThan(3 * 365 * 24 * HOUR - 30 * 24 * HOUR);
  });

  it('refuses a calendar with no working hours', () => {
    expect(() => compileCalendar({ timeZone: 'UTC', hours: [], holidays: [] })).toThrow(
      expect.objectContaining({ reason: 'sla.calendar_no_working_hours' }),
    );
  });

  it('tells real time zones from made-up ones', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
