const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets are sampled every 3 days over this span, then each change is bisected to the minute. */
const FIRST = Date.UTC(1990, 0, 1);
const LAST = Date.UTC(2100, 0, 1);
const STEP = 3 * DAY;

/** One UTC-offset change of a time zone: from `at` on, wall clock = UTC + `offset`. */
export interface OffsetChange {
  at: number;
  offset: number;
}

/** The zone's offsets as a step function: `base` before the first change, then each change in order. */
export interface ZoneOffsets {
  base: number;
  changes: readonly OffsetChange[];
}

/** Whether the IANA zone exists in this runtime's tz database (e.g. `Europe/Paris`; `Mars/Base` is not). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function offsetReader(zone: string): (utc: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (utc) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(utc)) {
      parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return wall - Math.floor(utc / MINUTE) * MINUTE;
  };
}

/** Reads the zone's offset changes (1990–2100) from Intl once; later lookups are binary searches. */
export function readZoneOffsets(zone: string): ZoneOffsets {
  const offsetAt = offsetReader(zone);
  const base = offsetAt(FIRST);
  const changes: OffsetChange[] = [];
  let previous = base;
  for (let t = FIRST + STEP; t < LAST + STEP; t += STEP) {
    const offset = offsetAt(t);
    if (offset === previous) {
      continue;
    }
    // The change lies in (t - STEP, t]: bisect to the minute.
    let low = t - STEP;
    let high = t;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetAt(middle) === previous) {
        low = middle;
      } else {
        high = middle;
      }
    }
    changes.push({ at: high, offset });
    previous = offset;
  }
  return { base, changes };
}

/** Index of the last change at or before `utc` (-1: before the first). */
export function changeIndexAt(zone: ZoneOffsets, utc: number): number {
  let low = 0;
  let high = zone.changes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (zone.changes[middle]!.at <= utc) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low - 1;
}

export function offsetOfChange(zone: ZoneOffsets, index: number): number {
  return index < 0 ? zone.base : zone.changes[index]!.offset;
}
